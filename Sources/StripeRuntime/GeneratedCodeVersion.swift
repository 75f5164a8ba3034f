/// The format of generated bindings this runtime supports: version 1.
///
/// Every generated module names this type once (`StripeBindings.GeneratedCodeVersion`), so bindings written by a
/// stripe-codegen whose output this runtime cannot run name another version and fail to compile at that line,
/// instead of failing somewhere in their calls: regenerate them with the stripe-codegen of this package version.
/// When the format changes, the number goes up and the old type stays, marked unavailable with that advice.
public enum StripeRuntimeGeneratedCodeVersion_1: Sendable {}
