using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Parsing;

/// <summary>What the parser found for a valid declaration, between the checks and the model; never cached.</summary>
internal sealed class ParsedAlert
{
    public ParsedAlert(
        ImmutableEquatableArray<ContainingTypeModel> containingTypes,
        ReturnKind returnKind,
        IMethodSymbol implementation,
        string? alerterExpression,
        AlertTextModel failure,
        AlertTextModel? success,
        bool alertOnCallerCancellation)
    {
        ContainingTypes = containingTypes;
        ReturnKind = returnKind;
        Implementation = implementation;
        AlerterExpression = alerterExpression;
        Failure = failure;
        Success = success;
        AlertOnCallerCancellation = alertOnCallerCancellation;
    }

    public ImmutableEquatableArray<ContainingTypeModel> ContainingTypes { get; }

    public ReturnKind ReturnKind { get; }

    public IMethodSymbol Implementation { get; }

    public string? AlerterExpression { get; }

    public AlertTextModel Failure { get; }

    public AlertTextModel? Success { get; }

    public bool AlertOnCallerCancellation { get; }
}
