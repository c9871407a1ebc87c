namespace CurationPipeline.Mixing.Internal;

/// <summary>One mixable document: where its tokens are (tokenized shard, row), how many, its domain, and its validation key.</summary>
internal readonly record struct CatalogEntry(int Shard, int Row, int Tokens, byte Domain, ulong ValidationKey);
