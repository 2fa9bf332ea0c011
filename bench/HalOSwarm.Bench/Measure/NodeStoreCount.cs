namespace HalOSwarm.Bench.Measure;

/// <summary>One node's agent events as stored: rows, distinct seqs, and the seq range.</summary>
internal sealed record NodeStoreCount(string NodeId, long Rows, long DistinctSeqs, long MinSeq, long MaxSeq);
