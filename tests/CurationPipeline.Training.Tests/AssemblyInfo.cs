// libtorch's RNG seed and thread count are process-wide, so training tests that run in parallel change each other's
// results (a resumed run must match an uninterrupted one bit for bit). They take seconds: one collection runs them in turn.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
