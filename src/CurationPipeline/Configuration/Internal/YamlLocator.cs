using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CurationPipeline.Configuration.Internal;

/// <summary>Finds where in a loaded YAML document a key or value is, as a dotted path (<c>dedup.minhash.bands</c>, <c>filters[0].url.blocked_domains_path</c>) and a mark.</summary>
internal static class YamlLocator
{
    /// <summary>The first mapping entry, depth first in file order, for which <paramref name="match"/> holds.</summary>
    public static (string Path, Mark Start)? Find(YamlStream stream, Func<YamlScalarNode, YamlNode, bool> match)
    {
        if (stream.Documents.Count == 0)
        {
            return null;
        }

        return Walk(stream.Documents[0].RootNode, "", match);
    }

    /// <summary>The key <paramref name="key"/> inside the top-level <paramref name="section"/>, at any depth.</summary>
    public static (string Path, Mark Start)? FindKey(YamlStream stream, string section, string key)
    {
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode(section), out YamlNode? sectionNode))
        {
            return null;
        }

        return Walk(sectionNode, section, (k, _) => k.Value == key);
    }

    /// <summary>The entry whose key or value starts at <paramref name="mark"/>.</summary>
    public static (string Path, Mark Start)? At(YamlStream stream, Mark mark) =>
        Find(stream, (k, v) => SameStart(k, mark) || SameStart(v, mark));

    /// <summary>The entry whose value is the scalar <paramref name="value"/> (or a list item equal to it).</summary>
    public static (string Path, Mark Start)? FindValue(YamlStream stream, string value)
    {
        if (stream.Documents.Count == 0)
        {
            return null;
        }

        return WalkValues(stream.Documents[0].RootNode, "", value);
    }

    private static bool SameStart(YamlNode node, Mark mark) => node.Start.Line == mark.Line && node.Start.Column == mark.Column;

    private static (string, Mark)? Walk(YamlNode node, string path, Func<YamlScalarNode, YamlNode, bool> match)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach ((YamlNode key, YamlNode value) in mapping.Children)
                {
                    if (key is not YamlScalarNode scalar)
                    {
                        continue;
                    }

                    string child = path.Length == 0 ? scalar.Value ?? "" : $"{path}.{scalar.Value}";
                    if (match(scalar, value))
                    {
                        return (child, scalar.Start);
                    }

                    if (Walk(value, child, match) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    if (Walk(sequence.Children[i], $"{path}[{i}]", match) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }

    private static (string, Mark)? WalkValues(YamlNode node, string path, string value)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value == value:
                return (path, scalar.Start);
            case YamlMappingNode mapping:
                foreach ((YamlNode key, YamlNode child) in mapping.Children)
                {
                    string name = key is YamlScalarNode k ? k.Value ?? "" : "?";
                    if (WalkValues(child, path.Length == 0 ? name : $"{path}.{name}", value) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    if (WalkValues(sequence.Children[i], $"{path}[{i}]", value) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }
}
