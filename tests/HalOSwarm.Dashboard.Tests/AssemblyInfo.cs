// Each test starts real processes and drives a real browser; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
