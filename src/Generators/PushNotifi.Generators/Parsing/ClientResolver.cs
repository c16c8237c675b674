using System.Runtime.CompilerServices;

namespace PushNotifi.Generators.Parsing;

/// <summary>
/// Picks the <c>IPushNotifiAlerter</c> expression the wrapper sends through: one field or property assignable to
/// <c>IPushNotifiAlerter</c> (own, or non-private inherited), else one such primary-constructor parameter; failing
/// those, the same search for <c>IPushNotifiClient</c>, whose alerter the runtime supplies; else none (the default
/// client's alerter).
/// </summary>
internal static class ClientResolver
{
    /// <summary>The outcome: the expression (null for the default client), or the names of competing candidates.</summary>
    internal readonly struct Resolution
    {
        public Resolution(string? expression, IReadOnlyList<string>? ambiguous)
        {
            Expression = expression;
            Ambiguous = ambiguous;
        }

        public string? Expression { get; }

        /// <summary>Non-null when more than one candidate was found.</summary>
        public IReadOnlyList<string>? Ambiguous { get; }
    }

    // Every method of a type gets the same answer; without this a cold run scans the type's members once per method.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, Cached> s_byType = new();

    public static Resolution Resolve(IMethodSymbol method, WellKnownTypes types, CancellationToken cancellationToken)
    {
        if (method.IsStatic || types.Client is null)
        {
            return default;
        }

        var type = method.ContainingType;
        if (s_byType.TryGetValue(type, out var cached))
        {
            return cached.Resolution;
        }

        var computed = new Cached(Resolve(type, types, cancellationToken));
        return s_byType.GetValue(type, _ => computed).Resolution;
    }

    private static Resolution Resolve(INamedTypeSymbol type, WellKnownTypes types, CancellationToken cancellationToken)
    {
        if (types.Alerter is { } alerter)
        {
            var viaAlerter = Resolve(type, types, alerter, cancellationToken);
            if (viaAlerter.Expression is not null || viaAlerter.Ambiguous is not null)
            {
                return viaAlerter;
            }
        }

        var viaClient = Resolve(type, types, types.Client!, cancellationToken);
        return viaClient.Expression is null
            ? viaClient
            : new Resolution("global::PushNotifi.PushNotifiAlertRuntime.AlerterFor(" + viaClient.Expression + ")", null);
    }

    private static Resolution Resolve(INamedTypeSymbol type, WellKnownTypes types, INamedTypeSymbol client, CancellationToken cancellationToken)
    {
        var candidates = new List<ISymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            var own = SymbolEqualityComparer.Default.Equals(current, type);
            foreach (var member in current.GetMembers())
            {
                if (member.IsImplicitlyDeclared || (!own && member.DeclaredAccessibility == Accessibility.Private))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberType is not null && types.Compilation.HasImplicitConversion(memberType, client))
                {
                    candidates.Add(member);
                }
            }
        }

        if (candidates.Count == 0)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (IsPrimaryConstructor(constructor, cancellationToken))
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (types.Compilation.HasImplicitConversion(parameter.Type, client))
                        {
                            candidates.Add(parameter);
                        }
                    }
                }
            }
        }

        if (candidates.Count > 1)
        {
            var names = new List<string>();
            foreach (var candidate in candidates)
            {
                names.Add(candidate.Name);
            }

            return new Resolution(null, names);
        }

        if (candidates.Count == 0)
        {
            return default;
        }

        var chosen = candidates[0];
        var expression = chosen switch
        {
            IParameterSymbol parameter => Naming.Escape(parameter.Name),
            _ when chosen.IsStatic => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + Naming.Escape(chosen.Name),
            _ => "this." + Naming.Escape(chosen.Name),
        };
        return new Resolution(expression, null);
    }

    private sealed class Cached
    {
        public Cached(Resolution resolution) => Resolution = resolution;

        public Resolution Resolution { get; }
    }

    private static bool IsPrimaryConstructor(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: not null })
            {
                return true;
            }
        }

        return false;
    }
}
