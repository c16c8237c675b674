using PushNotifi.Generators.Diagnostics;
using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Parsing;

/// <summary>What a template becomes: its role decides which placeholders and checks apply, not its label's text.</summary>
internal enum TemplateRole
{
    Title,
    Message,
    IdempotencyKey,
}

/// <summary>
/// Binds the placeholders of one method's templates to parameters, members of parameters and built-ins, and
/// remembers which parameters were used and whether <c>{Elapsed}</c> was.
/// </summary>
internal sealed class TemplateBinder
{
    public const string ExceptionType = nameof(ExceptionType);
    public const string ExceptionMessage = nameof(ExceptionMessage);
    public const string Elapsed = nameof(Elapsed);
    public const string Method = nameof(Method);

    private static readonly string[] s_builtins = { ExceptionType, ExceptionMessage, Elapsed, Method };
    private static readonly string[] s_secretWords = { "password", "passwd", "pwd", "secret", "token", "apikey", "connectionstring", "credential", "privatekey" };

    private readonly AlertMethodScope _scope;
    private readonly HashSet<string> _usedParameters = new(StringComparer.Ordinal);

    public TemplateBinder(AlertMethodScope scope) => _scope = scope;

    public bool UsesElapsed { get; private set; }

    public bool IsUsed(IParameterSymbol parameter) => _usedParameters.Contains(parameter.Name);

    /// <summary>Binds <paramref name="template"/>, the value of the attribute argument <paramref name="argument"/>; null after an error.</summary>
    public ImmutableEquatableArray<TemplatePart>? Bind(string template, string argument, TemplateRole role, bool success)
    {
        var tokens = new List<TemplateTokenizer.Token>();
        if (!TemplateTokenizer.TryTokenize(template, tokens, out var error))
        {
            _scope.Sink.Report(DiagnosticDescriptors.InvalidTemplate, Locate(argument), Describe(role, success), error!);
            return null;
        }

        var parts = new List<TemplatePart>(tokens.Count);
        var ok = true;
        foreach (var token in tokens)
        {
            var part = token.IsPlaceholder
                ? BindPlaceholder(token.Text, argument, role, success)
                : new TemplatePart(TemplatePartKind.Literal, token.Text, false);
            ok &= part is not null;
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return ok ? parts.ToEquatableArray() : null;
    }

    /// <summary>Hints at parameters no template mentions (never a cancellation token or an out parameter).</summary>
    public void ReportUnusedParameters()
    {
        foreach (var parameter in _scope.Method.Parameters)
        {
            if (!IsUsed(parameter) && parameter.RefKind != RefKind.Out && !_scope.Types.IsCancellationToken(parameter.Type) && parameter.Locations.Length > 0)
            {
                _scope.Sink.Report(DiagnosticDescriptors.UnusedParameter, parameter.Locations[0], parameter.Name);
            }
        }
    }

    private static string Describe(TemplateRole role, bool success)
    {
        var what = role switch
        {
            TemplateRole.Title => "title",
            TemplateRole.Message => "message",
            _ => "idempotency key",
        };
        return success ? "success " + what : what;
    }

    private static bool LooksSecret(string name)
    {
        var lower = name.ToLowerInvariant().Replace("_", string.Empty);
        if (lower.EndsWith("key", StringComparison.Ordinal) && !lower.EndsWith("idempotencykey", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var word in s_secretWords)
        {
            if (lower.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private Location Locate(string argument) => _scope.Attribute.LocationOf(argument, _scope.MethodLocation, _scope.CancellationToken);

    private TemplatePart? BindPlaceholder(string placeholder, string argument, TemplateRole role, bool success)
    {
        var path = placeholder.Split('.');
        var parameter = FindParameter(path[0]);
        if (parameter is null)
        {
            return BindBuiltin(placeholder, path, argument, role, success);
        }

        if (parameter.RefKind == RefKind.Out)
        {
            _scope.Sink.Report(DiagnosticDescriptors.PlaceholderUnavailable, Locate(argument), placeholder, Describe(role, success), "an out parameter is not assigned when the implementation throws");
            return null;
        }

        if (parameter.Type.IsRefLikeType)
        {
            _scope.Sink.Report(DiagnosticDescriptors.PlaceholderUnavailable, Locate(argument), placeholder, Describe(role, success), "a ref struct value cannot be rendered");
            return null;
        }

        _usedParameters.Add(parameter.Name);
        var escaped = Naming.Escape(parameter.Name);
        var expression = path.Length == 1 ? null : new StringBuilder(escaped); // most placeholders are a bare parameter
        var type = parameter.Type;
        var leaf = parameter.Name;
        for (var i = 1; i < path.Length; i++)
        {
            var member = FindMember(type, path[i]);
            if (member is null)
            {
                _scope.Sink.Report(DiagnosticDescriptors.UnknownPlaceholder, Locate(argument), placeholder, Describe(role, success));
                return null;
            }

            expression!.Append(IsNullSafe(type) ? "?." : ".").Append(Naming.Escape(member.Name));
            type = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
            leaf = member.Name;
        }

        var redacted = _scope.Types.IsRedacted(parameter, _scope.Syntax);
        if (_scope.Sink.WantsWarnings && role != TemplateRole.IdempotencyKey && !redacted && !_scope.Types.IsCancellationToken(parameter.Type)
            && (LooksSecret(parameter.Name) || LooksSecret(leaf)))
        {
            _scope.Sink.Report(DiagnosticDescriptors.SecretParameterNotRedacted, Locate(argument), parameter.Name, Describe(role, success));
        }

        return new TemplatePart(TemplatePartKind.Parameter, expression?.ToString() ?? escaped, redacted);
    }

    private TemplatePart? BindBuiltin(string placeholder, string[] path, string argument, TemplateRole role, bool success)
    {
        string? builtin = null;
        if (path.Length == 1)
        {
            foreach (var candidate in s_builtins)
            {
                if (string.Equals(candidate, path[0], StringComparison.OrdinalIgnoreCase))
                {
                    builtin = candidate;
                }
            }
        }

        if (builtin is null)
        {
            _scope.Sink.Report(DiagnosticDescriptors.UnknownPlaceholder, Locate(argument), placeholder, Describe(role, success));
            return null;
        }

        if (success && builtin is ExceptionType or ExceptionMessage)
        {
            _scope.Sink.Report(DiagnosticDescriptors.PlaceholderUnavailable, Locate(argument), placeholder, Describe(role, success), "a success alert has no exception");
            return null;
        }

        UsesElapsed |= builtin == Elapsed;
        return new TemplatePart(TemplatePartKind.Builtin, builtin, false);
    }

    /// <summary>An exact-case match wins over a case-insensitive one.</summary>
    private IParameterSymbol? FindParameter(string name)
    {
        IParameterSymbol? loose = null;
        foreach (var parameter in _scope.Method.Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter;
            }

            if (loose is null && string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                loose = parameter;
            }
        }

        return loose;
    }

    /// <summary>Whether the access needs <c>?.</c>: anything but a non-nullable value type.</summary>
    private static bool IsNullSafe(ITypeSymbol type) =>
        !(type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
        && !(type is ITypeParameterSymbol { HasReferenceTypeConstraint: false } && !type.IsReferenceType);

    private ISymbol? FindMember(ITypeSymbol type, string name)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol nullable)
        {
            type = nullable.TypeArguments[0];
        }

        var searched = new List<ITypeSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            searched.Add(current);
        }

        searched.AddRange(type.AllInterfaces);
        if (type is ITypeParameterSymbol typeParameter)
        {
            searched.AddRange(typeParameter.ConstraintTypes);
        }

        return FindMember(searched, name, StringComparison.Ordinal) ?? FindMember(searched, name, StringComparison.OrdinalIgnoreCase);
    }

    private ISymbol? FindMember(List<ITypeSymbol> searched, string name, StringComparison comparison)
    {
        foreach (var candidateType in searched)
        {
            foreach (var member in candidateType.GetMembers())
            {
                if (string.Equals(member.Name, name, comparison) && !member.IsStatic
                    && member is IFieldSymbol or IPropertySymbol { IsIndexer: false, GetMethod: not null }
                    && _scope.Types.Compilation.IsSymbolAccessibleWithin(member, _scope.Method.ContainingType))
                {
                    return member;
                }
            }
        }

        return null;
    }
}
