/// The format of generated bindings this runtime supports: version 2, whose calls name their operation
/// (`StripeOperation`) for traces and metrics.
///
/// Every generated module names this type once (`StripeBindings.GeneratedCodeVersion`), so bindings written by a
/// stripe-codegen whose output this runtime cannot run name another version and fail to compile at that line,
/// instead of failing somewhere in their calls: regenerate them with the stripe-codegen of this package version.
/// When the format changes, the number goes up; an old format the runtime can no longer run stays, marked
/// unavailable with that advice.
public enum StripeRuntimeGeneratedCodeVersion_2: Sendable {}

/// The format of bindings generated before calls named their operation. This runtime still runs them: their
/// requests are traced and counted as `stripe.request`. Regenerate them to get each operation's name.
public enum StripeRuntimeGeneratedCodeVersion_1: Sendable {}
