using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

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

    private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(CandidateId);

    /// <summary>
    /// Fix All in document, project or solution: each document's methods are wrapped in one edit. The batch fixer
    /// would merge one fix per method, each adding <c>partial</c> to the same type, and drop the conflicting ones.
    /// </summary>
    public override FixAllProvider? GetFixAllProvider() => s_fixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || MethodAt(root, context.Span) is not { } method
            || Wrappable(model, method, context.CancellationToken) is not { } symbol)
        {
            return;
        }

        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(Title, ct => Task.FromResult(Wrap(document, root, new[] { (method, symbol) }, ct)), equivalenceKey: Title),
            context.Diagnostics);
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var methods = new List<(MethodDeclarationSyntax Method, IMethodSymbol Symbol)>();
        foreach (var diagnostic in diagnostics)
        {
            // The same rule as one fix: a method that already alerts or has a …Core method is left as it is.
            if (MethodAt(root, diagnostic.Location.SourceSpan) is { } method && !methods.Exists(m => m.Method == method)
                && Wrappable(model, method, context.CancellationToken) is { } symbol)
            {
                methods.Add((method, symbol));
            }
        }

        return methods.Count == 0 ? null : Wrap(document, root, methods, context.CancellationToken);
    }

    private static MethodDeclarationSyntax? MethodAt(SyntaxNode root, TextSpan span) =>
        root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>();

    /// <summary>The method's symbol when the fix applies to it: it does not already alert, and its <c>…Core</c> name is free.</summary>
    private static IMethodSymbol? Wrappable(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken) =>
        model.GetDeclaredSymbol(method, cancellationToken) is { } symbol
            && !AlreadyAlerts(model, method, cancellationToken)
            && symbol.ContainingType.GetMembers(Naming.DefaultImplementationName(symbol.Name)).Length == 0
            ? symbol
            : null;

    /// <summary>
    /// The seed's rule: never wrap a function that already alerts (it would page twice). The same test as the
    /// analyzer's for PNA010 (<see cref="AlertingCalls.IsAlertingCall"/>), so the two never disagree.
    /// </summary>
    private static bool AlreadyAlerts(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return false;
        }

        var alerting = AlertingCalls.For(model.Compilation);
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol target && alerting.IsAlertingCall(target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Wraps every method in one edit of the document: each becomes a declaration followed by its implementation, and
    /// each containing type that is not partial becomes partial once, however many of its methods are wrapped.
    /// </summary>
    private static Document Wrap(Document document, SyntaxNode root, IReadOnlyList<(MethodDeclarationSyntax Method, IMethodSymbol Symbol)> methods, CancellationToken cancellationToken)
    {
        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        var types = new List<TypeDeclarationSyntax>();
        foreach (var (method, symbol) in methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            editor.InsertAfter(method, Implementation(method, symbol));
            editor.ReplaceNode(method, Declaration(method, symbol));
            foreach (var type in method.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                if (!type.Modifiers.Any(SyntaxKind.PartialKeyword) && !types.Contains(type))
                {
                    types.Add(type);
                }
            }
        }

        foreach (var type in types)
        {
            // Given the type as already edited, so the methods wrapped inside it are kept.
            editor.ReplaceNode(type, static (current, _) => ((TypeDeclarationSyntax)current).AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword)));
        }

        return document.WithSyntaxRoot(AddUsing((CompilationUnitSyntax)editor.GetChangedRoot()));
    }

    /// <summary>The body, moved to a private <c>…Core</c> method below the declaration.</summary>
    private static MethodDeclarationSyntax Implementation(MethodDeclarationSyntax method, IMethodSymbol symbol) =>
        method
            .WithIdentifier(SyntaxFactory.Identifier(Naming.DefaultImplementationName(symbol.Name)))
            .WithModifiers(SyntaxFactory.TokenList(
                new[] { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) }.Concat(method.Modifiers.Where(m => !IsAccessibility(m)).Select(m => m.WithoutTrivia()))))
            .WithAttributeLists(default)
            .WithLeadingTrivia(BlankLineThenIndent(method))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>
    /// The partial declaration. The attribute comes first and takes the method's leading trivia (the blank line above
    /// it, a doc comment); what followed starts its own line under it, so no blank line is lost to the formatter.
    /// </summary>
    private static MethodDeclarationSyntax Declaration(MethodDeclarationSyntax method, IMethodSymbol symbol)
    {
        var bare = method.WithoutLeadingTrivia();
        var declaration = bare
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(SyntaxFactory.Token(default, SyntaxKind.SemicolonToken, method.GetTrailingTrivia()))
            .WithModifiers(DeclarationModifiers(bare));

        // The line break that stood before the body would now stand before the semicolon.
        var beforeSemicolon = declaration.SemicolonToken.GetPreviousToken();
        declaration = declaration.ReplaceToken(beforeSemicolon, beforeSemicolon.WithTrailingTrivia());

        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(Attribute(symbol)))
            .WithLeadingTrivia(method.GetLeadingTrivia())
            .WithTrailingTrivia(NewLine(method));
        declaration = declaration.WithLeadingTrivia(Indentation(method));
        return declaration
            .WithAttributeLists(declaration.AttributeLists.Insert(0, attribute))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>One blank line (in the file's own line ending) before the implementation, at the method's indentation.</summary>
    private static SyntaxTriviaList BlankLineThenIndent(MethodDeclarationSyntax method) =>
        SyntaxFactory.TriviaList(NewLine(method)).AddRange(Indentation(method));

    private static SyntaxTrivia NewLine(MethodDeclarationSyntax method)
    {
        var newline = method.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return newline.IsKind(SyntaxKind.EndOfLineTrivia) ? newline : SyntaxFactory.LineFeed;
    }

    private static SyntaxTriviaList Indentation(MethodDeclarationSyntax method)
    {
        var indent = method.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        return indent.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indent) : default;
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
                SyntaxFactory.NameEquals(AlertAttributeNames.IdempotencyKey), nameColon: null, Literal(key)));
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
