using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using PushNotifi.Generators.Parsing;

namespace PushNotifi.Generators.Diagnostics;

/// <summary>
/// Marks (hidden, PNA015) each method with a body that "Add [PushNotifiAlert]" could wrap, so the IDE offers the fix
/// there. Syntax only, to stay cheap on every method; the fix itself checks what needs symbols.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlertCandidateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AlertCandidate);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Only where the package is referenced: the fix adds its attribute.
            if (start.Compilation.GetTypeByMetadataName(AlertAttributeNames.MetadataName) is not null)
            {
                start.RegisterSyntaxNodeAction(Analyze, SyntaxKind.MethodDeclaration);
            }
        });
    }

    /// <summary>A method with a body, in a class, struct or record (not file-local), that is not partial, abstract, extern or an override and has no [PushNotifiAlert].</summary>
    internal static bool IsCandidate(MethodDeclarationSyntax method)
    {
        if ((method.Body is null && method.ExpressionBody is null) || method.Parent is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax))
        {
            return false;
        }

        foreach (var modifier in method.Modifiers)
        {
            if (modifier.Kind() is SyntaxKind.PartialKeyword or SyntaxKind.AbstractKeyword or SyntaxKind.ExternKeyword or SyntaxKind.OverrideKeyword)
            {
                return false;
            }
        }

        // A file-local type cannot get the generated part (PNA016), so the fix would only trade one error for another.
        for (var type = method.Parent as TypeDeclarationSyntax; type is not null; type = type.Parent as TypeDeclarationSyntax)
        {
            if (type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return false;
            }
        }

        if (method.ExplicitInterfaceSpecifier is not null || method.Identifier.Text.EndsWith(AlertDefaults.ImplementationSuffix, System.StringComparison.Ordinal)
            || method.Identifier.Text.EndsWith(AlertDefaults.ImplementationSuffix + AlertDefaults.AsyncSuffix, System.StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var list in method.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (AlertAttributeSyntax.HasOurName(attribute))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var method = (MethodDeclarationSyntax)context.Node;
        if (IsCandidate(method))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AlertCandidate, method.Identifier.GetLocation(), method.Identifier.Text));
        }
    }
}
