using PushNotifi.Generators.Diagnostics;
using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Parsing;

/// <summary>
/// Checks one <c>[PushNotifiAlert]</c> method, shared by the generator (which stops at "emit or not" and builds the
/// model) and the analyzer (which reports every finding at its source location, warnings included).
/// </summary>
internal sealed class AlertMethodParser
{
    private readonly AlertMethodScope _scope;
    private readonly TemplateBinder _binder;

    private AlertMethodParser(IMethodSymbol method, MethodDeclarationSyntax syntax, AlertAttributeValues attribute, WellKnownTypes types, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        _scope = new AlertMethodScope(method, syntax, attribute, types, sink, cancellationToken);
        _binder = new TemplateBinder(_scope);
    }

    /// <summary>The generator's entry: the model of a valid declaration, or null (the analyzer says why).</summary>
    public static AlertMethodModel? ParseForGenerator(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        AttributeData attributeData,
        SemanticModel semanticModel,
        WellKnownTypes types,
        CancellationToken cancellationToken)
    {
        if (AlertAttributeValues.Read(attributeData) is not { } attribute)
        {
            return null;
        }

        var sink = new DiagnosticSink.ErrorsOnly();
        var parser = new AlertMethodParser(method, syntax, attribute, types, sink, cancellationToken);
        var parsed = parser.Parse(alreadyAlerts: null);
        if (parsed is null || sink.HasErrors)
        {
            return null;
        }

        var nullable = semanticModel.GetNullableContext(syntax.SpanStart).AnnotationsEnabled();
        return AlertModelBuilder.Build(method, syntax, parsed, parser._binder, types, nullable, cancellationToken);
    }

    /// <summary>The analyzer's entry: reports every finding about <paramref name="method"/>.</summary>
    public static void Analyze(
        IMethodSymbol method,
        AttributeData attributeData,
        WellKnownTypes types,
        Func<IMethodSymbol, bool> alreadyAlerts,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
    {
        if (attributeData.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent is not MethodDeclarationSyntax syntax
            || AlertAttributeValues.Read(attributeData) is not { } attribute)
        {
            return;
        }

        new AlertMethodParser(method, syntax, attribute, types, new DiagnosticSink.Reporting(report), cancellationToken).Parse(alreadyAlerts);
    }

    /// <summary>Runs every check; null when the shape itself is wrong (nothing else is worth checking then).</summary>
    private ParsedAlert? Parse(Func<IMethodSymbol, bool>? alreadyAlerts)
    {
        if (!DeclarationShape.IsPartialDeclaration(_scope.Method, _scope.Syntax, _scope.Types))
        {
            _scope.Sink.Report(DiagnosticDescriptors.NotPartialDeclaration, _scope.MethodLocation, _scope.Method.Name);
            return null;
        }

        if (DeclarationShape.HasErrorTypes(_scope.Method))
        {
            return null;
        }

        var containingTypes = DeclarationShape.ContainingTypes(_scope.Syntax, out var notPartial, out var fileLocal);
        if (notPartial is not null)
        {
            _scope.Sink.Report(DiagnosticDescriptors.ContainingTypeNotPartial, notPartial.Identifier.GetLocation(), notPartial.Identifier.Text, _scope.Method.Name);
            return null;
        }

        if (fileLocal is not null)
        {
            _scope.Sink.Report(DiagnosticDescriptors.FileLocalContainingType, fileLocal.Identifier.GetLocation(), fileLocal.Identifier.Text, _scope.Method.Name);
            return null;
        }

        var implementationName = _scope.Attribute.Implementation ?? Naming.DefaultImplementationName(_scope.Method.Name);
        var match = ImplementationMatcher.Find(_scope.Method, implementationName);
        if (DeclarationShape.ClassifyReturn(_scope.Method, _scope.Types, match.Implementation, _scope.CancellationToken, out var unsupported) is not { } returnKind)
        {
            _scope.Sink.Report(DiagnosticDescriptors.UnsupportedReturnType, _scope.Syntax.ReturnType.GetLocation(), _scope.Method.Name, unsupported!);
            return null;
        }

        var implementation = CheckImplementation(match, implementationName, alreadyAlerts);
        var client = ClientResolver.Resolve(_scope.Method, _scope.Types, _scope.CancellationToken);
        if (client.Ambiguous is { } names)
        {
            _scope.Sink.Report(DiagnosticDescriptors.AmbiguousClient, _scope.MethodLocation, _scope.Method.ContainingType.Name, string.Join(", ", names));
        }

        var failure = FailureTexts();
        var success = _scope.Attribute.NotifyOnSuccess ? SuccessTexts() : null;
        if (_scope.Sink.WantsWarnings)
        {
            _binder.ReportUnusedParameters();
        }

        return implementation is null || failure is null || (_scope.Attribute.NotifyOnSuccess && success is null)
            ? null
            : new ParsedAlert(containingTypes, returnKind, implementation, client.Expression, failure, success, _scope.Attribute.AlertOnCallerCancellation);
    }

    private IMethodSymbol? CheckImplementation(ImplementationMatcher.Match match, string name, Func<IMethodSymbol, bool>? alreadyAlerts)
    {
        if (match.Implementation is { } implementation)
        {
            if (alreadyAlerts is not null && alreadyAlerts(implementation) && implementation.Locations.Length > 0)
            {
                _scope.Sink.Report(DiagnosticDescriptors.ImplementationAlreadyAlerts, implementation.Locations[0], implementation.Name);
            }

            return implementation;
        }

        if (match.Found)
        {
            _scope.Sink.Report(DiagnosticDescriptors.ImplementationMismatch, _scope.MethodLocation, name, match.Mismatch!);
        }
        else
        {
            _scope.Sink.Report(DiagnosticDescriptors.MissingImplementation, _scope.MethodLocation, name, _scope.Method.ContainingType.Name);
        }

        return null;
    }

    private AlertTextModel? FailureTexts()
    {
        var key = _scope.Attribute.IdempotencyKey;
        if (key is null && _scope.Sink.WantsWarnings)
        {
            _scope.Sink.Report(DiagnosticDescriptors.MissingIdempotencyKey, _scope.Attribute.LocationOfAttribute(_scope.MethodLocation, _scope.CancellationToken), _scope.Method.Name);
        }

        var title = _binder.Bind(_scope.Attribute.Title, AlertAttributeNames.Title, TemplateRole.Title, success: false);
        var message = _binder.Bind(_scope.Attribute.Message ?? AlertDefaults.Message, AlertAttributeNames.Message, TemplateRole.Message, success: false);
        var keyParts = key is null
            ? DefaultKey(success: false)
            : _binder.Bind(key, AlertAttributeNames.IdempotencyKey, TemplateRole.IdempotencyKey, success: false);
        return title is null || message is null || keyParts is null
            ? null
            : new AlertTextModel(title, message, keyParts, _scope.Attribute.Priority ?? AlertDefaults.Priority, _scope.Attribute.SuppressionWindowSeconds);
    }

    private AlertTextModel? SuccessTexts()
    {
        var title = _binder.Bind(_scope.Attribute.SuccessTitle ?? AlertDefaults.SuccessTitle, AlertAttributeNames.SuccessTitle, TemplateRole.Title, success: true);
        var message = _binder.Bind(_scope.Attribute.SuccessMessage ?? AlertDefaults.SuccessMessage, AlertAttributeNames.SuccessMessage, TemplateRole.Message, success: true);
        var key = _scope.Attribute.SuccessIdempotencyKey is { } successKey
            ? _binder.Bind(successKey, AlertAttributeNames.SuccessIdempotencyKey, TemplateRole.IdempotencyKey, success: true)
            : _scope.Attribute.IdempotencyKey is { } failureKey
                ? _binder.Bind(AlertDefaults.SuccessKeyPrefix + failureKey, AlertAttributeNames.IdempotencyKey, TemplateRole.IdempotencyKey, success: true)
                : DefaultKey(success: true);
        return title is null || message is null || key is null
            ? null
            : new AlertTextModel(title, message, key, _scope.Attribute.SuccessPriority ?? AlertDefaults.SuccessPriority, _scope.Attribute.SuppressionWindowSeconds);
    }

    /// <summary><c>Namespace.Type.Method:ExceptionType:fingerprint</c>, or <c>ok:Namespace.Type.Method:fingerprint</c>.</summary>
    private ImmutableEquatableArray<TemplatePart> DefaultKey(bool success)
    {
        var literal = (success ? AlertDefaults.SuccessKeyPrefix : string.Empty) + Naming.FullMethodName(_scope.Method) + ":";
        return success
            ? new[]
            {
                new TemplatePart(TemplatePartKind.Literal, literal, false),
                new TemplatePart(TemplatePartKind.ArgumentsFingerprint, string.Empty, false),
            }.ToEquatableArray()
            : new[]
            {
                new TemplatePart(TemplatePartKind.Literal, literal, false),
                new TemplatePart(TemplatePartKind.Builtin, TemplateBinder.ExceptionType, false),
                new TemplatePart(TemplatePartKind.Literal, ":", false),
                new TemplatePart(TemplatePartKind.ArgumentsFingerprint, string.Empty, false),
            }.ToEquatableArray();
    }
}
