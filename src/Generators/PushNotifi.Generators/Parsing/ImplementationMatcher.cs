using System.Globalization;
using System.Linq;

namespace PushNotifi.Generators.Parsing;

/// <summary>Finds the method that does the work: same parameters, type parameters and return type as the declaration.</summary>
internal static class ImplementationMatcher
{
    /// <summary>The outcome: the implementation, or why none fits (<see cref="Found"/> false means no method of that name).</summary>
    internal readonly struct Match
    {
        public Match(IMethodSymbol? implementation, bool found, string? mismatch)
        {
            Implementation = implementation;
            Found = found;
            Mismatch = mismatch;
        }

        public IMethodSymbol? Implementation { get; }

        public bool Found { get; }

        public string? Mismatch { get; }
    }

    public static Match Find(IMethodSymbol method, string implementationName)
    {
        string? mismatch = null;
        var found = false;
        foreach (var candidate in Candidates(method, implementationName))
        {
            found = true;
            var reason = Mismatch(method, candidate);
            if (reason is null)
            {
                return new Match(candidate, found: true, mismatch: null);
            }

            mismatch ??= reason;
        }

        return new Match(null, found, mismatch);
    }

    /// <summary>Whether the implementation is an iterator (<c>yield</c>), whose work would run outside the wrapper.</summary>
    public static bool IsIterator(IMethodSymbol implementation, CancellationToken cancellationToken)
    {
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            if (node.DescendantNodes(n => n is not LocalFunctionStatementSyntax and not AnonymousFunctionExpressionSyntax)
                .Any(n => n is YieldStatementSyntax))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<IMethodSymbol> Candidates(IMethodSymbol method, string name)
    {
        var own = method.ContainingType;
        for (var type = own; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol candidate && !SymbolEqualityComparer.Default.Equals(candidate, method)
                    && (SymbolEqualityComparer.Default.Equals(type, own) || candidate.DeclaredAccessibility != Accessibility.Private))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static string? Mismatch(IMethodSymbol method, IMethodSymbol candidate)
    {
        if (candidate.TypeParameters.Length != method.TypeParameters.Length)
        {
            return string.Format(CultureInfo.InvariantCulture, "it has {0} type parameters, the declaration has {1}", candidate.TypeParameters.Length, method.TypeParameters.Length);
        }

        var constructed = candidate.TypeParameters.Length == 0 ? candidate : candidate.Construct(method.TypeParameters.Cast<ITypeSymbol>().ToArray());
        if (constructed.Parameters.Length != method.Parameters.Length)
        {
            return string.Format(CultureInfo.InvariantCulture, "it has {0} parameters, the declaration has {1}", constructed.Parameters.Length, method.Parameters.Length);
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var expected = method.Parameters[i];
            var actual = constructed.Parameters[i];
            if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type))
            {
                return string.Format(CultureInfo.InvariantCulture, "parameter {0} is '{1}', expected '{2}'", i + 1, actual.Type.ToDisplayString(), expected.Type.ToDisplayString());
            }

            if (expected.RefKind != actual.RefKind && !(IsReadOnlyReference(expected.RefKind) && IsReadOnlyReference(actual.RefKind)))
            {
                return string.Format(CultureInfo.InvariantCulture, "parameter {0} differs in ref, out or in", i + 1);
            }
        }

        if (!SymbolEqualityComparer.Default.Equals(constructed.ReturnType, method.ReturnType) || constructed.ReturnsByRef || constructed.ReturnsByRefReadonly)
        {
            return "it returns '" + constructed.ReturnType.ToDisplayString() + "', expected '" + method.ReturnType.ToDisplayString() + "'";
        }

        return method.IsStatic && !candidate.IsStatic ? "it is an instance method and the declaration is static" : null;
    }

    // 'in' and 'ref readonly' pass the same way, so either side may use either.
    private static bool IsReadOnlyReference(RefKind kind) => kind is RefKind.In or RefKind.RefReadOnlyParameter;
}
