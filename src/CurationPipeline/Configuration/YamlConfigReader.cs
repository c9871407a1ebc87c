using CurationPipeline.Configuration.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace CurationPipeline.Configuration;

/// <summary>
/// The one way the YAML loaders (pipeline, mix, ablation) read a file: snake_case keys, and every error a
/// <see cref="PipelineConfigException"/> that names the file, the line and column where known, and the key's YAML path.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class YamlConfigReader
{
    /// <summary>
    /// A deserializer builder with the shared settings (snake_case keys, enum values by member name only, never a number);
    /// loaders add their type mappings and converters.
    /// </summary>
    /// <returns>A new builder.</returns>
    public static DeserializerBuilder CreateBuilder() => new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithNodeDeserializer(new EnumNameNodeDeserializer(), s => s.Before<ScalarNodeDeserializer>());

    /// <summary>Loads <paramref name="yaml"/> as a node tree (to locate keys in later errors) and binds it to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The options type; an empty document gives a default instance.</typeparam>
    /// <param name="deserializer">A deserializer from <see cref="CreateBuilder"/>.</param>
    /// <param name="yaml">The text.</param>
    /// <param name="sourceName">Names the text in errors.</param>
    /// <param name="stream">The loaded node tree.</param>
    /// <returns>The bound options, not yet validated.</returns>
    /// <exception cref="PipelineConfigException">The text is not valid YAML, names an unknown key, or a value has the wrong type.</exception>
    public static T Deserialize<T>(IDeserializer deserializer, string yaml, string sourceName, out YamlStream stream) where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(deserializer);
        ArgumentNullException.ThrowIfNull(yaml);
        stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            string message = Innermost(e).Message;
            (long line, long column) = message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabAfter(yaml, e.Start) is { } tab
                ? tab
                : (e.Start.Line, e.Start.Column);
            throw new PipelineConfigException(sourceName, line, column, message, e);
        }

        try
        {
            return deserializer.Deserialize<T?>(yaml) ?? new T();
        }
        catch (YamlException e)
        {
            string message = Innermost(e).Message;
            if (message.Contains("not found on type", StringComparison.Ordinal))
            {
                message = $"unknown key '{KeyAt(stream, e.Start)}' ({message})";
            }
            else if (YamlLocator.At(stream, e.Start) is { } entry)
            {
                message = $"invalid value for '{entry.Path}': {FirstLine(message)}";
            }

            throw new PipelineConfigException(sourceName, e.Start.Line, e.Start.Column, message, e);
        }
    }

    /// <summary>Runs <paramref name="validate"/>; an <see cref="ArgumentException"/> becomes an error naming the YAML path of its parameter.</summary>
    /// <param name="stream">The node tree from <see cref="Deserialize{T}"/>.</param>
    /// <param name="sourceName">Names the text in errors.</param>
    /// <param name="section">The top-level key the validated options sit under, or <c>null</c> for the whole file.</param>
    /// <param name="validate">Throws <see cref="ArgumentException"/> whose parameter name is the property at fault.</param>
    /// <exception cref="PipelineConfigException">Validation failed.</exception>
    public static void Validate(YamlStream stream, string sourceName, string? section, Action validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            // The key may sit deeper than the section (dedup.minhash.bands, filters[0].language.keep_languages): name its YAML path.
            string key = string.IsNullOrEmpty(e.ParamName) ? "" : UnderscoredNamingConvention.Instance.Apply(e.ParamName);
            string message = e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw Error(stream, sourceName, section, key, FirstLine(message), e);
        }
    }

    /// <summary>An error about <paramref name="key"/>, located in <paramref name="stream"/> when the key is there.</summary>
    /// <param name="stream">The node tree, or <c>null</c> when none was loaded.</param>
    /// <param name="sourceName">Names the text in errors.</param>
    /// <param name="section">The top-level key to look under, or <c>null</c> for the whole file (top-level keys first).</param>
    /// <param name="key">The snake_case key.</param>
    /// <param name="message">What is wrong with its value.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception, to throw.</returns>
    public static PipelineConfigException Error(YamlStream? stream, string sourceName, string? section, string key, string message, Exception? inner = null)
    {
        (string Path, Mark Start)? entry = stream is null ? null
            : section is not null ? YamlLocator.FindKey(stream, section, key)
            : TopLevel(stream, key) is { } top ? (key, top.Key.Start) : YamlLocator.Find(stream, (k, _) => k.Value == key);
        Mark? mark = entry?.Start ?? (stream is null || section is null ? null : TopLevel(stream, section)?.Value.Start);
        string path = entry?.Path ?? (section is null || section == key ? key : section + "." + key);
        return new PipelineConfigException(sourceName, mark?.Line ?? 0, mark?.Column ?? 0, $"invalid value for '{path}': {message}", inner);
    }

    /// <summary>The line and column of the first tab in indentation at or after <paramref name="mark"/>'s line (YamlDotNet may report the enclosing mapping instead).</summary>
    private static (long Line, long Column)? TabAfter(string yaml, Mark mark)
    {
        long line = 1;
        int lineStart = 0;
        bool indentation = true;
        for (int i = 0; i < yaml.Length; i++)
        {
            char c = yaml[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                indentation = true;
            }
            else if (c == '\t' && indentation && line >= mark.Line)
            {
                return (line, i - lineStart + 1);
            }
            else if (c != ' ')
            {
                indentation = c == '-' && indentation; // "- \tkey" indents a sequence item
            }
        }

        return null;
    }

    private static Exception Innermost(Exception e)
    {
        // YamlDotNet wraps the converter's or binder's error; the innermost YamlException carries the useful text.
        while (e.InnerException is YamlException inner)
        {
            e = inner;
        }

        return e.InnerException ?? e;
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return newline < 0 ? message : message[..newline].TrimEnd();
    }

    private static (YamlNode Key, YamlNode Value)? TopLevel(YamlStream stream, string key)
    {
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var scalar = new YamlScalarNode(key);
        return root.Children.TryGetValue(scalar, out YamlNode? value) ? (root.Children.Keys.First(k => k.Equals(scalar)), value) : null;
    }

    private static string KeyAt(YamlStream stream, Mark mark)
    {
        foreach (YamlDocument document in stream.Documents)
        {
            foreach (YamlNode node in document.AllNodes)
            {
                if (node is YamlScalarNode scalar && scalar.Start.Line == mark.Line && scalar.Start.Column == mark.Column)
                {
                    return scalar.Value ?? "";
                }
            }
        }

        return "?";
    }
}
