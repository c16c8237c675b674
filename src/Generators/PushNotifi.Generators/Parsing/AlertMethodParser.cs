using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PushNotifi.Generators.Diagnostics;
using PushNotifi.Generators.Model;
using PushNotifi.Generators.Shared;

namespace PushNotifi.Generators.Parsing;

/// <summary>
/// Checks one <c>[PushNotifiAlert]</c> method, shared by the generator (which stops at "emit or not" and builds the
/// model) and the analyzer (which reports every finding at its source location, warnings included).
/// </summary>
internal sealed class AlertMethodParser
{
    private readonly IMethodSymbol _method;
    private readonly MethodDeclarationSyntax _syntax;
    private readonly AlertAttributeValues _attribute;
    private readonly WellKnownTypes _types;
    private readonly DiagnosticSink _sink;
    private readonly CancellationToken _cancellationToken;
    private readonly Location _methodLocation;
    private readonly TemplateBinder _binder;

    private AlertMethodParser(IMethodSymbol method, MethodDeclarationSyntax syntax, AlertAttributeValues attribute, WellKnownTypes types, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        _method = method;
        _syntax = syntax;
        _attribute = attribute;
        _types = types;
        _sink = sink;
        _cancellationToken = cancellationToken;
        _methodLocation = syntax.Identifier.GetLocation();
        _binder = new TemplateBinder(method, syntax, types, sink, attribute, _methodLocation, cancellationToken);
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
        if (!DeclarationShape.IsPartialDeclaration(_method, _syntax, _types))
        {
            _sink.Report(DiagnosticDescriptors.NotPartialDeclaration, _methodLocation, _method.Name);
            return null;
        }

        if (DeclarationShape.HasErrorTypes(_method))
        {
            return null;
        }

        var containingTypes = DeclarationShape.ContainingTypes(_syntax, out var notPartial, out var fileLocal);
        if (notPartial is not null)
        {
            _sink.Report(DiagnosticDescriptors.ContainingTypeNotPartial, notPartial.Identifier.GetLocation(), notPartial.Identifier.Text, _method.Name);
            return null;
        }

        if (fileLocal is not null)
        {
            _sink.Report(DiagnosticDescriptors.FileLocalContainingType, fileLocal.Identifier.GetLocation(), fileLocal.Identifier.Text, _method.Name);
            return null;
        }

        var implementationName = _attribute.Implementation ?? Naming.DefaultImplementationName(_method.Name);
        var match = ImplementationMatcher.Find(_method, implementationName);
        if (DeclarationShape.ClassifyReturn(_method, _types, match.Implementation, _cancellationToken, out var unsupported) is not { } returnKind)
        {
            _sink.Report(DiagnosticDescriptors.UnsupportedReturnType, _syntax.ReturnType.GetLocation(), _method.Name, unsupported!);
            return null;
        }

        var implementation = CheckImplementation(match, implementationName, alreadyAlerts);
        var client = ClientResolver.Resolve(_method, _types, _cancellationToken);
        if (client.Ambiguous is { } names)
        {
            _sink.Report(DiagnosticDescriptors.AmbiguousClient, _methodLocation, _method.ContainingType.Name, string.Join(", ", names));
        }

        var failure = FailureTexts();
        var success = _attribute.NotifyOnSuccess ? SuccessTexts() : null;
        if (_sink.WantsWarnings)
        {
            _binder.ReportUnusedParameters();
        }

        return implementation is null || failure is null || (_attribute.NotifyOnSuccess && success is null)
            ? null
            : new ParsedAlert(containingTypes, returnKind, implementation, client.Expression, failure, success, _attribute.AlertOnCallerCancellation);
    }

    private IMethodSymbol? CheckImplementation(ImplementationMatcher.Match match, string name, Func<IMethodSymbol, bool>? alreadyAlerts)
    {
        if (match.Implementation is { } implementation)
        {
            if (alreadyAlerts is not null && alreadyAlerts(implementation) && implementation.Locations.Length > 0)
            {
                _sink.Report(DiagnosticDescriptors.ImplementationAlreadyAlerts, implementation.Locations[0], implementation.Name);
            }

            return implementation;
        }

        if (match.Found)
        {
            _sink.Report(DiagnosticDescriptors.ImplementationMismatch, _methodLocation, name, match.Mismatch!);
        }
        else
        {
            _sink.Report(DiagnosticDescriptors.MissingImplementation, _methodLocation, name, _method.ContainingType.Name);
        }

        return null;
    }

    private AlertTextModel? FailureTexts()
    {
        var key = _attribute.IdempotencyKey;
        if (key is null && _sink.WantsWarnings)
        {
            _sink.Report(DiagnosticDescriptors.MissingIdempotencyKey, _attribute.LocationOfAttribute(_methodLocation, _cancellationToken), _method.Name);
        }

        var title = _binder.Bind(_attribute.Title, AlertAttributeNames.Title, TemplateRole.Title, success: false);
        var message = _binder.Bind(_attribute.Message ?? AlertDefaults.Message, AlertAttributeNames.Message, TemplateRole.Message, success: false);
        var keyParts = key is null
            ? DefaultKey(success: false)
            : _binder.Bind(key, AlertAttributeNames.IdempotencyKey, TemplateRole.IdempotencyKey, success: false);
        return title is null || message is null || keyParts is null
            ? null
            : new AlertTextModel(title, message, keyParts, _attribute.Priority ?? AlertDefaults.Priority, _attribute.SuppressionWindowSeconds);
    }

    private AlertTextModel? SuccessTexts()
    {
        var title = _binder.Bind(_attribute.SuccessTitle ?? AlertDefaults.SuccessTitle, AlertAttributeNames.SuccessTitle, TemplateRole.Title, success: true);
        var message = _binder.Bind(_attribute.SuccessMessage ?? AlertDefaults.SuccessMessage, AlertAttributeNames.SuccessMessage, TemplateRole.Message, success: true);
        var key = _attribute.SuccessIdempotencyKey is { } successKey
            ? _binder.Bind(successKey, AlertAttributeNames.SuccessIdempotencyKey, TemplateRole.IdempotencyKey, success: true)
            : _attribute.IdempotencyKey is { } failureKey
                ? _binder.Bind(AlertDefaults.SuccessKeyPrefix + failureKey, AlertAttributeNames.IdempotencyKey, TemplateRole.IdempotencyKey, success: true)
                : DefaultKey(success: true);
        return title is null || message is null || key is null
            ? null
            : new AlertTextModel(title, message, key, _attribute.SuccessPriority ?? AlertDefaults.SuccessPriority, _attribute.SuppressionWindowSeconds);
    }

    /// <summary><c>Namespace.Type.Method:ExceptionType:fingerprint</c>, or <c>ok:Namespace.Type.Method:fingerprint</c>.</summary>
    private ImmutableEquatableArray<TemplatePart> DefaultKey(bool success)
    {
        var literal = (success ? AlertDefaults.SuccessKeyPrefix : string.Empty) + Naming.FullMethodName(_method) + ":";
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
