using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PushNotifi.Generators.Shared;

namespace PushNotifi.Generators.Parsing;

/// <summary>The arguments of one <c>[PushNotifiAlert]</c>, as written (null when left out), and where each one is.</summary>
internal sealed class AlertAttributeValues
{
    private readonly AttributeData _attribute;

    private AlertAttributeValues(AttributeData attribute) => _attribute = attribute;

    public string Title { get; private set; } = string.Empty;

    public string? Message { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public int? Priority { get; private set; }

    public bool NotifyOnSuccess { get; private set; }

    public string? SuccessTitle { get; private set; }

    public string? SuccessMessage { get; private set; }

    public string? SuccessIdempotencyKey { get; private set; }

    public int? SuccessPriority { get; private set; }

    public string? Implementation { get; private set; }

    public bool AlertOnCallerCancellation { get; private set; }

    /// <summary>The wrapper's own suppression window in seconds; null when left out or negative (the global window applies).</summary>
    public int? SuppressionWindowSeconds { get; private set; }

    /// <summary>
    /// Reads <paramref name="attribute"/>; null when an argument does not bind (a missing title, an undefined
    /// constant): the compiler already reports that, and nothing sensible can be generated from it.
    /// </summary>
    public static AlertAttributeValues? Read(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            return null;
        }

        var values = new AlertAttributeValues(attribute) { Title = attribute.ConstructorArguments[0].Value as string ?? string.Empty };
        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                return null;
            }

            switch (argument.Key)
            {
                case AlertAttributeNames.Message:
                    values.Message = value.Value as string;
                    break;
                case AlertAttributeNames.IdempotencyKey:
                    values.IdempotencyKey = value.Value as string;
                    break;
                case AlertAttributeNames.Priority:
                    values.Priority = value.Value as int?;
                    break;
                case AlertAttributeNames.NotifyOnSuccess:
                    values.NotifyOnSuccess = value.Value is true;
                    break;
                case AlertAttributeNames.SuccessTitle:
                    values.SuccessTitle = value.Value as string;
                    break;
                case AlertAttributeNames.SuccessMessage:
                    values.SuccessMessage = value.Value as string;
                    break;
                case AlertAttributeNames.SuccessIdempotencyKey:
                    values.SuccessIdempotencyKey = value.Value as string;
                    break;
                case AlertAttributeNames.SuccessPriority:
                    values.SuccessPriority = value.Value as int?;
                    break;
                case AlertAttributeNames.Implementation:
                    values.Implementation = value.Value as string;
                    break;
                case AlertAttributeNames.AlertOnCallerCancellation:
                    values.AlertOnCallerCancellation = value.Value is true;
                    break;
                case AlertAttributeNames.SuppressionWindowSeconds:
                    values.SuppressionWindowSeconds = value.Value is int seconds && seconds >= 0 ? seconds : null;
                    break;
                default:
                    break;
            }
        }

        return values;
    }

    /// <summary>The whole attribute, for diagnostics about it; falls back to <paramref name="fallback"/>.</summary>
    public Location LocationOfAttribute(Location fallback, CancellationToken cancellationToken) =>
        _attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;

    /// <summary>The expression of the argument <paramref name="name"/>, else the attribute, else <paramref name="fallback"/>.</summary>
    public Location LocationOf(string name, Location fallback, CancellationToken cancellationToken)
    {
        if (_attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax attribute)
        {
            return fallback;
        }

        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            var argumentName = argument.NameEquals?.Name.Identifier.Text ?? argument.NameColon?.Name.Identifier.Text ?? AlertAttributeNames.Title;
            if (argumentName == name)
            {
                return argument.Expression.GetLocation();
            }
        }

        return attribute.GetLocation();
    }
}
