using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace PushNotifi.Generators.CodeFixes;

/// <summary>
/// "Add [PushNotifiAlert]" on a method (PNA015): the method becomes a partial declaration with the attribute, its
/// body moves to a private <c>…Core</c> implementation, and the containing types become partial.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPushNotifiAlertCodeFix))]
[Shared]
public sealed class AddPushNotifiAlertCodeFix : CodeFixProvider
{
    /// <summary>The same ID as the generator assembly's AlertCandidate descriptor.</summary>
    public const string CandidateId = "PNA015";

    private const string Title = "Add [PushNotifiAlert]";

    private static readonly SyntaxAnnotation s_methodMark = new();

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(CandidateId);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || model?.GetDeclaredSymbol(method, context.CancellationToken) is not { } symbol
            || AlreadyAlerts(model, method, context.CancellationToken)
            || symbol.ContainingType.GetMembers(CoreName(symbol.Name)).Length > 0)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(Title, ct => WrapAsync(context.Document, root, method, symbol, ct), equivalenceKey: Title),
            context.Diagnostics);
    }

    /// <summary>The seed's rule: never wrap a function that already alerts (it would page twice; PNA010).</summary>
    private static bool AlreadyAlerts(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var client = model.Compilation.GetTypeByMetadataName("PushNotifi.IPushNotifiClient");
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (client is null || body is null)
        {
            return false;
        }

        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation { TargetMethod: { Name: "SendAsync" } target }
                && (SymbolEqualityComparer.Default.Equals(target.ContainingType, client) || target.ContainingType.AllInterfaces.Contains(client, SymbolEqualityComparer.Default)))
            {
                return true;
            }
        }

        return false;
    }

    private static string CoreName(string name) =>
        name.EndsWith("Async", System.StringComparison.Ordinal) && name.Length > "Async".Length
            ? name.Substring(0, name.Length - "Async".Length) + "CoreAsync"
            : name + "Core";

    private static Task<Document> WrapAsync(Document document, SyntaxNode root, MethodDeclarationSyntax method, IMethodSymbol symbol, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var implementation = method
            .WithIdentifier(SyntaxFactory.Identifier(CoreName(symbol.Name)))
            .WithModifiers(SyntaxFactory.TokenList(
                new[] { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) }.Concat(method.Modifiers.Where(m => !IsAccessibility(m)).Select(m => m.WithoutTrivia()))))
            .WithAttributeLists(default)
            .WithLeadingTrivia(BlankLineThenIndent(method))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var declaration = method
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(SyntaxFactory.Token(default, SyntaxKind.SemicolonToken, method.GetTrailingTrivia()))
            .WithModifiers(DeclarationModifiers(method))
            .AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(Attribute(symbol))))
            .WithAdditionalAnnotations(Formatter.Annotation);

        // The line break that stood before the body would now stand before the semicolon.
        var beforeSemicolon = declaration.SemicolonToken.GetPreviousToken();
        declaration = declaration.ReplaceToken(beforeSemicolon, beforeSemicolon.WithTrailingTrivia());

        // Work on the containing types first, while the method is still found by reference.
        var newRoot = root.ReplaceNodes(
            method.Ancestors().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).Cast<SyntaxNode>().Append(method),
            (original, rewritten) => original == method
                ? rewritten.WithAdditionalAnnotations(s_methodMark)
                : ((TypeDeclarationSyntax)rewritten).AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword)));
        var newMethod = newRoot.GetAnnotatedNodes(s_methodMark).Single();
        newRoot = newRoot.ReplaceNode(newMethod, new SyntaxNode[] { declaration.WithoutAnnotations(s_methodMark), implementation.WithoutAnnotations(s_methodMark) });
        newRoot = AddUsing((CompilationUnitSyntax)newRoot);
        return Task.FromResult(document.WithSyntaxRoot(newRoot));
    }

    /// <summary>One blank line (in the file's own line ending) before the implementation, at the method's indentation.</summary>
    private static SyntaxTriviaList BlankLineThenIndent(MethodDeclarationSyntax method)
    {
        var newline = method.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var indent = method.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var list = SyntaxFactory.TriviaList(newline.IsKind(SyntaxKind.EndOfLineTrivia) ? newline : SyntaxFactory.LineFeed);
        return indent.IsKind(SyntaxKind.WhitespaceTrivia) ? list.Add(indent) : list;
    }

    private static SyntaxTokenList DeclarationModifiers(MethodDeclarationSyntax method)
    {
        var kept = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword)).ToList();
        var tokens = kept.Count == 0 || !kept.Any(IsAccessibility)
            ? new[] { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) }.Concat(kept).ToList()
            : kept;
        tokens.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword));
        return SyntaxFactory.TokenList(tokens);
    }

    private static bool IsAccessibility(SyntaxToken modifier) =>
        modifier.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword;

    private static AttributeSyntax Attribute(IMethodSymbol symbol)
    {
        var arguments = SyntaxFactory.SeparatedList<AttributeArgumentSyntax>().Add(
            SyntaxFactory.AttributeArgument(Literal(AlertTemplateSuggestion.Title(symbol.Name))));
        if (AlertTemplateSuggestion.IdempotencyKey(symbol) is { } key)
        {
            arguments = arguments.Add(SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals("IdempotencyKey"), nameColon: null, Literal(key)));
        }

        return SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("PushNotifiAlert"), SyntaxFactory.AttributeArgumentList(arguments));
    }

    private static LiteralExpressionSyntax Literal(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit)
    {
        if (unit.Usings.Any(u => u.Name?.ToString() == "PushNotifi")
            || unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == "PushNotifi" || n.Name.ToString().StartsWith("PushNotifi.", System.StringComparison.Ordinal)))
        {
            return unit;
        }

        return unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("PushNotifi")).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
    }
}
