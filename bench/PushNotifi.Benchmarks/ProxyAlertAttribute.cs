namespace PushNotifi.Benchmarks;

/// <summary>The DispatchProxy decorator's equivalent of [PushNotifiAlert]: composite-format title and key over the arguments.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProxyAlertAttribute(string title, string idempotencyKey) : Attribute
{
    /// <summary>The alert title; <c>{0}</c>… are the arguments.</summary>
    public string Title { get; } = title;

    /// <summary>The idempotency key; <c>{0}</c>… are the arguments.</summary>
    public string IdempotencyKey { get; } = idempotencyKey;
}
