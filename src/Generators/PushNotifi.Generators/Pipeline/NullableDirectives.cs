namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// Whether two versions of a tree have the same <c>#nullable</c> directives, which decide how a wrapper writes
/// its types. Roslyn's top-level equivalence compares them, but not inside what it skips (a non-const field's
/// initializer), while such a directive still applies to every declaration below it.
/// </summary>
internal static class NullableDirectives
{
    public static bool Same(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        var oldRoot = (CompilationUnitSyntax)before.GetRoot(cancellationToken);
        var newRoot = (CompilationUnitSyntax)after.GetRoot(cancellationToken);
        if (!oldRoot.ContainsDirectives && !newRoot.ContainsDirectives)
        {
            return true;
        }

        var oldDirective = Next(oldRoot.GetFirstDirective(IsNullable));
        var newDirective = Next(newRoot.GetFirstDirective(IsNullable));
        while (oldDirective is not null && newDirective is not null)
        {
            if (!oldDirective.SettingToken.IsKind(newDirective.SettingToken.Kind()) || !oldDirective.TargetToken.IsKind(newDirective.TargetToken.Kind()))
            {
                return false;
            }

            oldDirective = Next(oldDirective.GetNextDirective(IsNullable));
            newDirective = Next(newDirective.GetNextDirective(IsNullable));
        }

        return oldDirective is null && newDirective is null;
    }

    private static bool IsNullable(DirectiveTriviaSyntax directive) => directive.IsKind(SyntaxKind.NullableDirectiveTrivia);

    private static NullableDirectiveTriviaSyntax? Next(DirectiveTriviaSyntax? directive) => directive as NullableDirectiveTriviaSyntax;
}
