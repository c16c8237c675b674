using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PushNotifi.Generators.Diagnostics;

/// <summary>Warns about string literals shaped like PushNotifi keys: keys belong in PUSHNOTIFI_* variables.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.KeyLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.StringLiteralExpression);
    }

    /// <summary>
    /// A key is 32 ASCII letters or digits starting with 'u' (user), 'g' (group) or 'a' (application), mixing
    /// letters and digits. Literals with FAKE or EXAMPLE in them are test fixtures and pass.
    /// </summary>
    internal static bool LooksLikeKey(string value)
    {
        if (value.Length != 32 || value[0] is not ('u' or 'g' or 'a'))
        {
            return false;
        }

        var digits = 0;
        var uppers = 0;
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                uppers++;
            }
            else if (c is not (>= 'a' and <= 'z'))
            {
                return false;
            }
        }

        return digits > 0 && uppers + digits < 31
            && value.IndexOf("FAKE", StringComparison.OrdinalIgnoreCase) < 0
            && value.IndexOf("EXAMPLE", StringComparison.OrdinalIgnoreCase) < 0;
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (LooksLikeKey(value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.KeyLiteral, literal.GetLocation(), value.Substring(value.Length - 4)));
        }
    }
}
