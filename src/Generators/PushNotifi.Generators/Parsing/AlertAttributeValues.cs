namespace PushNotifi.Generators.Parsing;

/// <summary>The arguments of one <c>[PushNotifiAlert]</c>, as written (null when left out), and where each one is.</summary>
internal sealed class AlertAttributeValues
{
    private readonly AttributeData _attribute;
    private readonly Dictionary<string, object?> _named;

    private AlertAttributeValues(AttributeData attribute, string title, Dictionary<string, object?> named)
    {
        _attribute = attribute;
        _named = named;
        Title = title;
    }

    public string Title { get; }

    public string? Message => Text(AlertAttributeNames.Message);

    public string? IdempotencyKey => Text(AlertAttributeNames.IdempotencyKey);

    public int? Priority => Number(AlertAttributeNames.Priority);

    public bool NotifyOnSuccess => Flag(AlertAttributeNames.NotifyOnSuccess);

    public string? SuccessTitle => Text(AlertAttributeNames.SuccessTitle);

    public string? SuccessMessage => Text(AlertAttributeNames.SuccessMessage);

    public string? SuccessIdempotencyKey => Text(AlertAttributeNames.SuccessIdempotencyKey);

    public int? SuccessPriority => Number(AlertAttributeNames.SuccessPriority);

    public string? Implementation => Text(AlertAttributeNames.Implementation);

    public bool AlertOnCallerCancellation => Flag(AlertAttributeNames.AlertOnCallerCancellation);

    /// <summary>The wrapper's own suppression window in seconds; null when left out or negative (the global window applies).</summary>
    public int? SuppressionWindowSeconds => Number(AlertAttributeNames.SuppressionWindowSeconds) is { } seconds && seconds >= 0 ? seconds : null;

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

        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                return null;
            }

            named[argument.Key] = argument.Value.Value;
        }

        return new AlertAttributeValues(attribute, attribute.ConstructorArguments[0].Value as string ?? string.Empty, named);
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

    // A named argument's value as written: a string, an int or a bool; null (or false) when left out.
    private string? Text(string name) => _named.TryGetValue(name, out var value) ? value as string : null;

    private int? Number(string name) => _named.TryGetValue(name, out var value) ? value as int? : null;

    private bool Flag(string name) => _named.TryGetValue(name, out var value) && value is true;
}
