// Every test here starts real processes on real ports; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
