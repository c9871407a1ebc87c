using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Training.Tests.Ablation;

/// <summary>A small tagged directory as <c>curate run</c> writes it (annotated and tokenized shards, through the pipeline's
/// writers): English documents count through the synthetic vocabulary (stride 1), German ones skip (stride 5), so the two
/// domains are learnable and distinguishable; <c>declared_language</c> says which is which.</summary>
internal static class TaggedCorpus
{
    public const int EnglishDocuments = 60;
    public const int GermanDocuments = 30;

    private const string SourcePath = "synthetic.warc.gz";

    /// <summary>Writes the directory and returns its path.</summary>
    public static async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        string root = Directory.CreateTempSubdirectory("curate-ablate-tagged-").FullName;
        var tokenized = new TokenizedShardWriter(LocalStorage.Instance, Path.Combine(root, "tokenized"), SyntheticCorpus.Metadata,
            new TokenizedShardOptions { Prefix = "tag-00000", MaxTokensPerShard = 2_000 });
        var annotated = new AnnotatedShardWriter(LocalStorage.Instance, Path.Combine(root, "annotated"),
            new AnnotatedShardOptions { Prefix = "tag-00000", MaxRowsPerShard = 50 });
        await using (tokenized.ConfigureAwait(false))
        await using (annotated.ConfigureAwait(false))
        {
            foreach (var (document, language) in SyntheticCorpus.Documents("en", 1, EnglishDocuments, 40, seed: 3).Select(d => (d, "en"))
                .Concat(SyntheticCorpus.Documents("de", 5, GermanDocuments, 40, seed: 4).Select(d => (d, "de"))))
            {
                // Tokenized and annotated rows of one document share its identity: id, source path and offset.
                await tokenized.WriteAsync(document with { Domain = TokenizedDocument.GeneralDomain, SourcePath = SourcePath }, cancellationToken);
                await annotated.WriteAsync(new AnnotatedDocument
                {
                    Id = document.Id,
                    Text = $"text of {document.Id}",
                    DeclaredLanguage = language,
                    SourcePath = SourcePath,
                }, cancellationToken);
            }

            await tokenized.CompleteAsync(cancellationToken);
            await annotated.CompleteAsync(cancellationToken);
        }

        return root;
    }
}
