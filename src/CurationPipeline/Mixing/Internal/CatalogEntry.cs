namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// One mixable document: where its tokens are (tokenized shard, row), how many, its domain, its validation key (from the id),
/// its identity key (<see cref="Documents.DocumentIdentity.KeyOf"/>), which orders every seeded choice, and its training copies
/// per epoch (<see cref="MixOptions.WeightOf"/>).
/// </summary>
internal readonly record struct CatalogEntry(int Shard, int Row, int Tokens, byte Domain, ulong ValidationKey, UInt128 Key, byte Weight = 1);
