namespace PushNotifi.Generators.Parsing;

/// <summary>
/// What every check of one <c>[PushNotifiAlert]</c> method works on, held once for the parser and its template
/// binder: the method, its declaration and attribute, the well-known types, where findings go, and the method's
/// name as the place for a finding that has no nearer one.
/// </summary>
internal sealed class AlertMethodScope(
    IMethodSymbol method,
    MethodDeclarationSyntax syntax,
    AlertAttributeValues attribute,
    WellKnownTypes types,
    DiagnosticSink sink,
    CancellationToken cancellationToken)
{
    public IMethodSymbol Method { get; } = method;

    public MethodDeclarationSyntax Syntax { get; } = syntax;

    public AlertAttributeValues Attribute { get; } = attribute;

    public WellKnownTypes Types { get; } = types;

    public DiagnosticSink Sink { get; } = sink;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The method's name: where a finding goes when nothing nearer fits.</summary>
    public Location MethodLocation { get; } = syntax.Identifier.GetLocation();
}
