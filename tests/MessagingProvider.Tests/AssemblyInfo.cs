using Xunit;

// MESSAGINGPROVIDER_CONFIG_PATH is process-wide: hosted-engine tests take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
