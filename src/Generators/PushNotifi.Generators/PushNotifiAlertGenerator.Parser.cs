using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PushNotifi.Generators.Model;

namespace PushNotifi.Generators;

public sealed partial class PushNotifiAlertGenerator
{
    /// <summary>The parser's output: a model when a wrapper can be emitted, and diagnostics either way.</summary>
    internal sealed record ParseResult(AlertMethodModel? Model, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Turns one [PushNotifiAlert] method into an equatable model; keeps no Roslyn object.</summary>
    internal sealed class Parser
    {
        internal const string ClientInterfaceName = "PushNotifi.IPushNotifiClient";
        private const string RedactAttributeName = "PushNotifi.RedactAttribute";
        private static readonly string[] s_builtins = { "ExceptionType", "ExceptionMessage", "Elapsed", "Method" };
        private static readonly string[] s_secretWords = { "password", "passwd", "pwd", "secret", "token", "apikey", "connectionstring", "credential", "privatekey" };

        private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private readonly GeneratorAttributeSyntaxContext _context;
        private readonly CancellationToken _cancellationToken;
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly Compilation _compilation;
        private IMethodSymbol _method = null!;
        private MethodDeclarationSyntax _syntax = null!;
        private AttributeData _attribute = null!;
        private HashSet<string> _usedParameters = new(StringComparer.Ordinal);
        private bool _usesElapsed;
        private bool _isAsync;

        private Parser(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            _context = context;
            _cancellationToken = cancellationToken;
            _compilation = context.SemanticModel.Compilation;
        }

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var parser = new Parser(context, cancellationToken);
            var model = parser.Run();
            return new ParseResult(model, parser._diagnostics.ToEquatableArray());
        }

        private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] args) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

        private AlertMethodModel? Run()
        {
            if (_context.TargetSymbol is not IMethodSymbol method || _context.TargetNode is not MethodDeclarationSyntax syntax)
            {
                return null;
            }

            _method = method;
            _syntax = syntax;
            _attribute = _context.Attributes[0];
            var name = method.Name;

            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || syntax.Body is not null || syntax.ExpressionBody is not null
                || method.PartialImplementationPart is not null)
            {
                Report(DiagnosticDescriptors.NotPartialDeclaration, syntax.Identifier.GetLocation(), name);
                return null;
            }

            if (!CheckContainingTypes(out var containingTypes))
            {
                return null;
            }

            if (!ClassifyReturn(out var returnKind))
            {
                return null;
            }

            _isAsync = returnKind is ReturnKind.Task or ReturnKind.TaskOfT or ReturnKind.ValueTask or ReturnKind.ValueTaskOfT;
            var implementationName = GetString("Implementation") ?? DefaultImplementationName(name);
            var implementation = FindImplementation(implementationName);
            var client = ResolveClient(out var clientOk);
            var parameters = method.Parameters;

            var failure = ParseFailureTexts();
            var success = GetBool("NotifyOnSuccess") ? ParseSuccessTexts() : null;
            ReportUnusedParameters();

            if (implementation is null || !clientOk || failure is null || (GetBool("NotifyOnSuccess") && success is null)
                || _diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var containingType = method.ContainingType;
            var parameterModels = parameters.Select(p => new ParameterModel(
                Escape(p.Name),
                p.Type.ToDisplayString(s_typeFormat),
                RefKindPrefix(p.RefKind),
                p.IsParams,
                p.Ordinal == 0 && method.IsExtensionMethod,
                p.ScopedKind != ScopedKind.None && p.RefKind != RefKind.Out,
                IsRedacted(p),
                IsCancellationToken(p.Type),
                _usedParameters.Contains(p.Name),
                CanFingerprint(p))).ToEquatableArray();

            var ctName = parameters.FirstOrDefault(p => IsCancellationToken(p.Type) && p.RefKind is RefKind.None or RefKind.In);
            return new AlertMethodModel(
                HintName(method),
                containingType.ContainingNamespace.IsGlobalNamespace ? null : containingType.ContainingNamespace.ToDisplayString(),
                containingTypes,
                _context.SemanticModel.GetNullableContext(syntax.SpanStart).AnnotationsEnabled(),
                string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text)),
                method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(s_typeFormat),
                ResultType(method.ReturnType, returnKind),
                returnKind,
                Escape(name),
                method.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(t => Escape(t.Name))) + ">",
                method.TypeParameters.Select(Constraint).Where(c => c is not null).Select(c => c!).ToEquatableArray(),
                parameterModels,
                Escape(implementation.Name) + (implementation.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(t => Escape(t.Name))) + ">"),
                implementation.IsStatic,
                containingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                client,
                MethodDisplayName(method),
                ctName is null ? null : Escape(ctName.Name),
                failure,
                success,
                GetBool("AlertOnCallerCancellation"),
                _usesElapsed);
        }

        private bool CheckContainingTypes(out ImmutableEquatableArray<ContainingTypeModel> types)
        {
            var list = new List<ContainingTypeModel>();
            for (var node = _syntax.Parent; node is not null; node = node.Parent)
            {
                if (node is TypeDeclarationSyntax type)
                {
                    if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        Report(DiagnosticDescriptors.ContainingTypeNotPartial, type.Identifier.GetLocation(), type.Identifier.Text, _method.Name);
                        types = ImmutableEquatableArray<ContainingTypeModel>.Empty;
                        return false;
                    }

                    var keyword = new StringBuilder();
                    foreach (var modifier in type.Modifiers)
                    {
                        if (modifier.IsKind(SyntaxKind.RefKeyword) || modifier.IsKind(SyntaxKind.ReadOnlyKeyword) || modifier.IsKind(SyntaxKind.UnsafeKeyword))
                        {
                            keyword.Append(modifier.Text).Append(' ');
                        }
                    }

                    keyword.Append("partial ").Append(type.Keyword.Text);
                    if (type is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.None))
                    {
                        keyword.Append(' ').Append(record.ClassOrStructKeyword.Text);
                    }

                    var typeParameters = type.TypeParameterList is null
                        ? string.Empty
                        : "<" + string.Join(", ", type.TypeParameterList.Parameters.Select(p => p.Identifier.Text)) + ">";
                    list.Insert(0, new ContainingTypeModel(keyword.ToString(), type.Identifier.Text, typeParameters));
                }
            }

            types = list.ToEquatableArray();
            return true;
        }

        private bool ClassifyReturn(out ReturnKind kind)
        {
            kind = ReturnKind.Value;
            var name = _method.Name;
            if (_method.ReturnsByRef || _method.ReturnsByRefReadonly)
            {
                Report(DiagnosticDescriptors.UnsupportedReturnType, _syntax.ReturnType.GetLocation(), name, "ref returns cannot be wrapped");
                return false;
            }

            if (_method.ReturnsVoid)
            {
                kind = ReturnKind.Void;
                return true;
            }

            var type = _method.ReturnType as INamedTypeSymbol;
            var metadataName = type is null ? string.Empty : MetadataName(type.OriginalDefinition);
            switch (metadataName)
            {
                case "System.Threading.Tasks.Task":
                    kind = ReturnKind.Task;
                    return true;
                case "System.Threading.Tasks.Task`1":
                    kind = ReturnKind.TaskOfT;
                    return true;
                case "System.Threading.Tasks.ValueTask":
                    kind = ReturnKind.ValueTask;
                    return true;
                case "System.Threading.Tasks.ValueTask`1":
                    kind = ReturnKind.ValueTaskOfT;
                    return true;
                case "System.Collections.Generic.IAsyncEnumerable`1":
                case "System.Collections.Generic.IAsyncEnumerator`1":
                    Report(DiagnosticDescriptors.UnsupportedReturnType, _syntax.ReturnType.GetLocation(), name, "async streams run after the call returns, outside the wrapper");
                    return false;
                case "System.Collections.Generic.IEnumerable`1":
                case "System.Collections.Generic.IEnumerator`1":
                case "System.Collections.IEnumerable":
                case "System.Collections.IEnumerator":
                    if (IsIteratorImplementation())
                    {
                        Report(DiagnosticDescriptors.UnsupportedReturnType, _syntax.ReturnType.GetLocation(), name, "iterators run after the call returns, outside the wrapper");
                        return false;
                    }

                    return true;
                default:
                    return true;
            }
        }

        private bool IsIteratorImplementation()
        {
            var implementationName = GetString("Implementation") ?? DefaultImplementationName(_method.Name);
            foreach (var member in _method.ContainingType.GetMembers(implementationName))
            {
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var node = reference.GetSyntax(_cancellationToken);
                    if (node.DescendantNodes(n => n is not LocalFunctionStatementSyntax and not AnonymousFunctionExpressionSyntax)
                        .Any(n => n is YieldStatementSyntax))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private IMethodSymbol? FindImplementation(string implementationName)
        {
            var location = _syntax.Identifier.GetLocation();
            var candidates = new List<IMethodSymbol>();
            for (var type = _method.ContainingType; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers(implementationName))
                {
                    if (member is IMethodSymbol candidate && !SymbolEqualityComparer.Default.Equals(candidate, _method)
                        && (SymbolEqualityComparer.Default.Equals(type, _method.ContainingType) || candidate.DeclaredAccessibility != Accessibility.Private))
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            if (candidates.Count == 0)
            {
                Report(DiagnosticDescriptors.MissingImplementation, location, implementationName, _method.ContainingType.Name);
                return null;
            }

            string? reason = null;
            foreach (var candidate in candidates)
            {
                var mismatch = Mismatch(candidate);
                if (mismatch is null)
                {
                    CheckAlreadyAlerts(candidate);
                    return candidate;
                }

                reason ??= mismatch;
            }

            Report(DiagnosticDescriptors.ImplementationMismatch, location, implementationName, reason!);
            return null;
        }

        private string? Mismatch(IMethodSymbol candidate)
        {
            if (candidate.TypeParameters.Length != _method.TypeParameters.Length)
            {
                return "it has " + candidate.TypeParameters.Length + " type parameters, the declaration has " + _method.TypeParameters.Length;
            }

            var constructed = candidate.TypeParameters.Length == 0 ? candidate : candidate.Construct(_method.TypeParameters.Cast<ITypeSymbol>().ToArray());
            if (constructed.Parameters.Length != _method.Parameters.Length)
            {
                return "it has " + constructed.Parameters.Length + " parameters, the declaration has " + _method.Parameters.Length;
            }

            for (var i = 0; i < _method.Parameters.Length; i++)
            {
                var expected = _method.Parameters[i];
                var actual = constructed.Parameters[i];
                if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type))
                {
                    return "parameter " + (i + 1) + " is '" + actual.Type.ToDisplayString() + "', expected '" + expected.Type.ToDisplayString() + "'";
                }

                if (expected.RefKind != actual.RefKind && !(expected.RefKind is RefKind.In or RefKind.RefReadOnlyParameter && actual.RefKind is RefKind.In or RefKind.RefReadOnlyParameter))
                {
                    return "parameter " + (i + 1) + " differs in ref, out or in";
                }
            }

            if (!SymbolEqualityComparer.Default.Equals(constructed.ReturnType, _method.ReturnType) || constructed.ReturnsByRef || constructed.ReturnsByRefReadonly)
            {
                return "it returns '" + constructed.ReturnType.ToDisplayString() + "', expected '" + _method.ReturnType.ToDisplayString() + "'";
            }

            if (_method.IsStatic && !candidate.IsStatic)
            {
                return "it is an instance method and the declaration is static";
            }

            return null;
        }

        private void CheckAlreadyAlerts(IMethodSymbol implementation)
        {
            foreach (var reference in implementation.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(_cancellationToken);
                var invocations = node.DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "SendAsync" }).ToList();
                if (invocations.Count == 0)
                {
                    continue;
                }

                var model = SymbolEqualityComparer.Default.Equals(_compilation.Assembly, implementation.ContainingAssembly) && node.SyntaxTree == _syntax.SyntaxTree
                    ? _context.SemanticModel
                    : _compilation.GetSemanticModel(node.SyntaxTree);
                foreach (var invocation in invocations)
                {
                    if (model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol called && IsClientSend(called))
                    {
                        Report(DiagnosticDescriptors.ImplementationAlreadyAlerts, implementation.Locations.FirstOrDefault(), implementation.Name);
                        return;
                    }
                }
            }
        }

        private bool IsClientSend(IMethodSymbol called)
        {
            var client = _compilation.GetTypeByMetadataName(ClientInterfaceName);
            if (client is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(called.ContainingType, client))
            {
                return true;
            }

            var interfaceSend = client.GetMembers("SendAsync").FirstOrDefault();
            return interfaceSend is not null && called.ContainingType.AllInterfaces.Contains(client, SymbolEqualityComparer.Default)
                && SymbolEqualityComparer.Default.Equals(called.ContainingType.FindImplementationForInterfaceMember(interfaceSend), called);
        }

        private string? ResolveClient(out bool ok)
        {
            ok = true;
            if (_method.IsStatic)
            {
                return null;
            }

            var client = _compilation.GetTypeByMetadataName(ClientInterfaceName);
            if (client is null)
            {
                return null;
            }

            var type = _method.ContainingType;
            var members = new List<ISymbol>();
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member.IsImplicitlyDeclared || (!SymbolEqualityComparer.Default.Equals(current, type) && member.DeclaredAccessibility == Accessibility.Private))
                    {
                        continue;
                    }

                    var memberType = member switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                        _ => null,
                    };
                    if (memberType is not null && _compilation.HasImplicitConversion(memberType, client))
                    {
                        members.Add(member);
                    }
                }
            }

            if (members.Count == 0)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    if (IsPrimaryConstructor(constructor))
                    {
                        members.AddRange(constructor.Parameters.Where(p => _compilation.HasImplicitConversion(p.Type, client)));
                    }
                }
            }

            if (members.Count > 1)
            {
                ok = false;
                Report(DiagnosticDescriptors.AmbiguousClient, _syntax.Identifier.GetLocation(), type.Name, string.Join(", ", members.Select(m => m.Name)));
                return null;
            }

            if (members.Count == 0)
            {
                return null;
            }

            var chosen = members[0];
            return chosen switch
            {
                IParameterSymbol parameter => Escape(parameter.Name),
                _ when chosen.IsStatic => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + Escape(chosen.Name),
                _ => "this." + Escape(chosen.Name),
            };
        }

        private bool IsPrimaryConstructor(IMethodSymbol constructor)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is TypeDeclarationSyntax { ParameterList: not null })
                {
                    return true;
                }
            }

            return false;
        }

        private AlertTextModel? ParseFailureTexts()
        {
            var title = GetString("title", constructorIndex: 0) ?? string.Empty;
            var message = GetString("Message") ?? "{ExceptionType}: {ExceptionMessage} (after {Elapsed})";
            var key = GetString("IdempotencyKey");
            if (key is null)
            {
                Report(DiagnosticDescriptors.MissingIdempotencyKey, AttributeLocation(), _method.Name);
            }

            var titleParts = ParseTemplate(title, "title", "title", success: false);
            var messageParts = ParseTemplate(message, "Message", "message", success: false);
            var keyParts = key is null ? DefaultKey(success: false) : ParseTemplate(key, "IdempotencyKey", "idempotency key", success: false);
            if (titleParts is null || messageParts is null || keyParts is null)
            {
                return null;
            }

            return new AlertTextModel(titleParts, messageParts, keyParts, GetInt("Priority", 1));
        }

        private AlertTextModel? ParseSuccessTexts()
        {
            var title = GetString("SuccessTitle") ?? "Succeeded: {Method}";
            var message = GetString("SuccessMessage") ?? "Completed in {Elapsed}";
            var key = GetString("SuccessIdempotencyKey");
            var failureKey = GetString("IdempotencyKey");
            var titleParts = ParseTemplate(title, "SuccessTitle", "success title", success: true);
            var messageParts = ParseTemplate(message, "SuccessMessage", "success message", success: true);
            var keyParts = key is not null
                ? ParseTemplate(key, "SuccessIdempotencyKey", "success idempotency key", success: true)
                : failureKey is not null
                    ? ParseTemplate("ok:" + failureKey, "IdempotencyKey", "success idempotency key", success: true)
                    : DefaultKey(success: true);
            if (titleParts is null || messageParts is null || keyParts is null)
            {
                return null;
            }

            return new AlertTextModel(titleParts, messageParts, keyParts, GetInt("SuccessPriority", -1));
        }

        private ImmutableEquatableArray<TemplatePart> DefaultKey(bool success)
        {
            var parts = new List<TemplatePart>
            {
                new(TemplatePartKind.Literal, (success ? "ok:" : string.Empty) + FullMethodName(_method) + ":", false),
            };
            if (!success)
            {
                parts.Add(new(TemplatePartKind.Builtin, "ExceptionType", false));
                parts.Add(new(TemplatePartKind.Literal, ":", false));
            }

            parts.Add(new(TemplatePartKind.ArgumentsFingerprint, string.Empty, false));
            return parts.ToEquatableArray();
        }

        private ImmutableEquatableArray<TemplatePart>? ParseTemplate(string template, string argumentName, string what, bool success)
        {
            var location = ArgumentLocation(argumentName);
            var tokens = new List<TemplateTokenizer.Token>();
            if (!TemplateTokenizer.TryTokenize(template, tokens, out var error))
            {
                Report(DiagnosticDescriptors.InvalidTemplate, location, what, error!);
                return null;
            }

            var isKey = what.EndsWith("key", StringComparison.Ordinal);
            var isText = !isKey;
            var parts = new List<TemplatePart>();
            var ok = true;
            foreach (var token in tokens)
            {
                if (!token.IsPlaceholder)
                {
                    parts.Add(new TemplatePart(TemplatePartKind.Literal, token.Text, false));
                    continue;
                }

                var part = Bind(token.Text, what, success, isText, location);
                if (part is null)
                {
                    ok = false;
                }
                else
                {
                    parts.Add(part);
                }
            }

            return ok ? parts.ToEquatableArray() : null;
        }

        private TemplatePart? Bind(string placeholder, string what, bool success, bool isText, Location? location)
        {
            var path = placeholder.Split('.');
            var parameter = _method.Parameters.FirstOrDefault(p => p.Name == path[0])
                ?? _method.Parameters.FirstOrDefault(p => string.Equals(p.Name, path[0], StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                var builtin = path.Length == 1 ? s_builtins.FirstOrDefault(b => string.Equals(b, path[0], StringComparison.OrdinalIgnoreCase)) : null;
                if (builtin is null)
                {
                    Report(DiagnosticDescriptors.UnknownPlaceholder, location, placeholder, what);
                    return null;
                }

                if (success && builtin.StartsWith("Exception", StringComparison.Ordinal))
                {
                    Report(DiagnosticDescriptors.PlaceholderUnavailable, location, placeholder, what, "a success alert has no exception");
                    return null;
                }

                _usesElapsed |= builtin == "Elapsed";
                return new TemplatePart(TemplatePartKind.Builtin, builtin, false);
            }

            if (parameter.RefKind == RefKind.Out)
            {
                Report(DiagnosticDescriptors.PlaceholderUnavailable, location, placeholder, what, "an out parameter is not assigned when the implementation throws");
                return null;
            }

            if (parameter.Type.IsRefLikeType)
            {
                Report(DiagnosticDescriptors.PlaceholderUnavailable, location, placeholder, what, "a ref struct value cannot be rendered");
                return null;
            }

            _usedParameters.Add(parameter.Name);
            var expression = new StringBuilder(Escape(parameter.Name));
            var type = parameter.Type;
            var leaf = parameter.Name;
            for (var i = 1; i < path.Length; i++)
            {
                var member = FindMember(type, path[i]);
                if (member is null)
                {
                    Report(DiagnosticDescriptors.UnknownPlaceholder, location, placeholder, what);
                    return null;
                }

                var nullSafe = !(type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
                    && !(type is ITypeParameterSymbol { HasReferenceTypeConstraint: false } && !type.IsReferenceType);
                expression.Append(nullSafe ? "?." : ".").Append(Escape(member.Name));
                type = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                leaf = member.Name;
            }

            var redacted = IsRedacted(parameter);
            if (isText && !redacted && !IsCancellationToken(parameter.Type) && (LooksSecret(parameter.Name) || LooksSecret(leaf)))
            {
                Report(DiagnosticDescriptors.SecretParameterNotRedacted, location, parameter.Name, what);
            }

            return new TemplatePart(TemplatePartKind.Parameter, expression.ToString(), redacted);
        }

        private ISymbol? FindMember(ITypeSymbol type, string name)
        {
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol nullable)
            {
                type = nullable.TypeArguments[0];
            }

            var types = new List<ITypeSymbol>();
            for (var current = type; current is not null; current = current.BaseType)
            {
                types.Add(current);
            }

            types.AddRange(type.AllInterfaces);
            if (type is ITypeParameterSymbol typeParameter)
            {
                types.AddRange(typeParameter.ConstraintTypes);
            }

            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
            {
                foreach (var candidateType in types)
                {
                    foreach (var member in candidateType.GetMembers())
                    {
                        if (string.Equals(member.Name, name, comparison) && !member.IsStatic
                            && member is IFieldSymbol or IPropertySymbol { IsIndexer: false, GetMethod: not null }
                            && _compilation.IsSymbolAccessibleWithin(member, _method.ContainingType))
                        {
                            return member;
                        }
                    }
                }
            }

            return null;
        }

        private void ReportUnusedParameters()
        {
            foreach (var parameter in _method.Parameters)
            {
                if (!_usedParameters.Contains(parameter.Name) && parameter.RefKind != RefKind.Out && !IsCancellationToken(parameter.Type))
                {
                    Report(DiagnosticDescriptors.UnusedParameter, parameter.Locations.FirstOrDefault(), parameter.Name);
                }
            }
        }

        private static bool IsRedacted(IParameterSymbol parameter) =>
            parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == RedactAttributeName);

        private static bool CanFingerprint(IParameterSymbol parameter) =>
            parameter.RefKind != RefKind.Out && !parameter.Type.IsRefLikeType && !IsCancellationToken(parameter.Type);

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type.ToDisplayString() == "System.Threading.CancellationToken";

        private static bool LooksSecret(string name)
        {
            var lower = name.ToLowerInvariant().Replace("_", string.Empty);
            return lower == "key" || lower.EndsWith("key", StringComparison.Ordinal) && !lower.EndsWith("idempotencykey", StringComparison.Ordinal)
                || s_secretWords.Any(w => lower.Contains(w));
        }

        private string? GetString(string name, int constructorIndex = -1)
        {
            if (constructorIndex >= 0)
            {
                return _attribute.ConstructorArguments.Length > constructorIndex ? _attribute.ConstructorArguments[constructorIndex].Value as string : null;
            }

            foreach (var argument in _attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value.Value as string;
                }
            }

            return null;
        }

        private bool GetBool(string name) =>
            _attribute.NamedArguments.Any(a => a.Key == name && a.Value.Value is true);

        private int GetInt(string name, int defaultValue)
        {
            foreach (var argument in _attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is int value)
                {
                    return value;
                }
            }

            return defaultValue;
        }

        private Location AttributeLocation() =>
            _attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation() ?? _syntax.Identifier.GetLocation();

        private Location ArgumentLocation(string argumentName)
        {
            if (_attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax { ArgumentList: { } arguments } attribute)
            {
                foreach (var argument in arguments.Arguments)
                {
                    var isMatch = argument.NameEquals is null
                        ? argumentName == "title" && argument.NameColon is null || argument.NameColon?.Name.Identifier.Text == argumentName
                        : argument.NameEquals.Name.Identifier.Text == argumentName;
                    if (isMatch)
                    {
                        return argument.Expression.GetLocation();
                    }
                }

                return attribute.GetLocation();
            }

            return _syntax.Identifier.GetLocation();
        }

        private static string DefaultImplementationName(string name) =>
            name.EndsWith("Async", StringComparison.Ordinal) && name.Length > "Async".Length
                ? name.Substring(0, name.Length - "Async".Length) + "CoreAsync"
                : name + "Core";

        private static string RefKindPrefix(RefKind kind) => kind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };

        private static string? Constraint(ITypeParameterSymbol typeParameter)
        {
            var parts = new List<string>();
            if (typeParameter.HasUnmanagedTypeConstraint)
            {
                parts.Add("unmanaged");
            }
            else if (typeParameter.HasValueTypeConstraint)
            {
                parts.Add("struct");
            }
            else if (typeParameter.HasReferenceTypeConstraint)
            {
                parts.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (typeParameter.HasNotNullConstraint)
            {
                parts.Add("notnull");
            }

            parts.AddRange(typeParameter.ConstraintTypes.Select(t => t.ToDisplayString(s_typeFormat)));
            if (typeParameter.HasConstructorConstraint)
            {
                parts.Add("new()");
            }

            if (typeParameter.AllowsRefLikeType)
            {
                parts.Add("allows ref struct");
            }

            return parts.Count == 0 ? null : "where " + Escape(typeParameter.Name) + " : " + string.Join(", ", parts);
        }

        private static string? ResultType(ITypeSymbol returnType, ReturnKind kind) => kind switch
        {
            ReturnKind.Value => returnType.ToDisplayString(s_typeFormat),
            ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT => ((INamedTypeSymbol)returnType).TypeArguments[0].ToDisplayString(s_typeFormat),
            _ => null,
        };

        private static string MetadataName(INamedTypeSymbol type) =>
            (type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty) + type.MetadataName;

        private static string MethodDisplayName(IMethodSymbol method)
        {
            var names = new List<string>();
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                names.Insert(0, type.Name);
            }

            names.Add(method.Name);
            return string.Join(".", names);
        }

        private static string FullMethodName(IMethodSymbol method) =>
            (method.ContainingType.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingType.ContainingNamespace.ToDisplayString() + ".")
            + MethodDisplayName(method);

        private static string HintName(IMethodSymbol method)
        {
            var signature = method.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "(" + string.Join(",", method.Parameters.Select(p => p.RefKind + p.Type.ToDisplayString())) + ")";
            var hash = 2166136261u;
            foreach (var c in signature)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            var name = new StringBuilder();
            foreach (var c in FullMethodName(method) + (method.ContainingType.IsGenericType ? "`" + method.ContainingType.Arity : string.Empty))
            {
                name.Append(char.IsLetterOrDigit(c) || c == '.' ? c : '_');
            }

            return name.Append('_').Append(hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append(".g.cs").ToString();
        }

        private static string Escape(string identifier) =>
            SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier
                : identifier;
    }
}
