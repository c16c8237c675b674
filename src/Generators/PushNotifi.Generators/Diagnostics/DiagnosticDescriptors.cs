namespace PushNotifi.Generators.Diagnostics;

/// <summary>Every diagnostic the PushNotifi analyzers report (the generator reports none). IDs are stable; never reuse one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PushNotifi.Alerts";
    // Every help link opens the PushNotifi package's page on nuget.org, which renders the package readme
    // (src/PushNotifi/README.md) with a Diagnostics section per ID; docs/diagnostics.md ships in the package too.
    // One page for all IDs: nuget.org gives readme headings no id and shows raw HTML as text, so no per-ID anchor
    // survives there. Switch to the repository's docs/diagnostics.md#pnaNNN once the repository URL is decided.
    private const string HelpLinkUri = "https://www.nuget.org/packages/PushNotifi#readme-body-tab";

    public static readonly DiagnosticDescriptor UnknownPlaceholder = Create(
        "PNA001", "Placeholder binds to no parameter or member",
        "Placeholder '{{{0}}}' in {1} binds to no parameter, parameter member or built-in value",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnusedParameter = Create(
        "PNA002", "Parameter is not used by any template",
        "Parameter '{0}' is not used by the title, message or idempotency key templates",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingImplementation = Create(
        "PNA003", "Implementation method not found",
        "No implementation method '{0}' was found on '{1}'; write it, or name another one with Implementation = nameof(...)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ImplementationMismatch = Create(
        "PNA004", "Implementation signature does not match",
        "Implementation method '{0}' does not match the declaration: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        "PNA005", "Containing type is not partial",
        "Type '{0}' must be declared partial so that the alert wrapper for '{1}' can be generated",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "PNA006", "Return type cannot be wrapped",
        "'{0}' cannot be wrapped with an alert: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AmbiguousClient = Create(
        "PNA007", "More than one candidate client",
        "Type '{0}' has more than one member assignable to IPushNotifiClient ({1}); keep one",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingIdempotencyKey = Create(
        "PNA008", "No idempotency key",
        "'{0}' has no IdempotencyKey; the default key (method, exception type and an argument fingerprint) applies. A key must be stable per logical event, never the current time or a random value.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SecretParameterNotRedacted = Create(
        "PNA009", "Secret-looking parameter in alert text",
        "Parameter '{0}' looks like a secret and is used in the {1}; mark it [Redact]",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ImplementationAlreadyAlerts = Create(
        "PNA010", "Implementation already sends an alert",
        "Implementation '{0}' already sends an alert (a client, webhook or alert-context send); wrapping it would alert twice",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor KeyLiteral = Create(
        "PNA011", "Literal looks like a PushNotifi key",
        "This string literal looks like a PushNotifi key (…{0}); read keys from the PUSHNOTIFI_* environment variables",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotPartialDeclaration = Create(
        "PNA012", "Method must be a partial declaration",
        "'{0}' must be a partial method declaration without a body",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTemplate = Create(
        "PNA013", "Malformed template",
        "The {0} template is malformed: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PlaceholderUnavailable = Create(
        "PNA014", "Placeholder not available here",
        "Placeholder '{{{0}}}' cannot be used in the {1}: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileLocalContainingType = Create(
        "PNA016", "Containing type is file-local",
        "Type '{0}' is file-local, so the alert wrapper for '{1}' cannot be generated in another file",
        DiagnosticSeverity.Error);

    /// <summary>Hidden: not a problem, only where the IDE offers "Add [PushNotifiAlert]".</summary>
    public static readonly DiagnosticDescriptor AlertCandidate = Create(
        "PNA015", "Method can alert on failure",
        "'{0}' can be wrapped with [PushNotifiAlert]",
        DiagnosticSeverity.Hidden);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkUri);
}
