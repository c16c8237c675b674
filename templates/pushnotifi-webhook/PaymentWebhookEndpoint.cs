namespace PushNotifiRecipes;

/// <summary>Maps the webhook endpoint.</summary>
public static class PaymentWebhookEndpoint
{
    /// <summary>The endpoint's route.</summary>
    public const string Route = "/webhooks/payment";

    /// <summary>
    /// Maps <c>POST /webhooks/payment</c>. Needs <c>services.AddPushNotifi(configuration)</c> and the signing secret in
    /// <see cref="PaymentWebhookSignature.SecretVariable"/> (checked here, at start-up).
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="process">Processes a verified event; throw to answer 500 (the source retries) and alert.</param>
    public static RouteHandlerBuilder MapPaymentWebhook(
        this IEndpointRouteBuilder endpoints,
        Func<PaymentWebhookEvent, CancellationToken, Task> process)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(process);
        var services = endpoints.ServiceProvider;
        var time = services.GetService<TimeProvider>();
        var handler = new PaymentWebhookHandler(
            services.GetRequiredService<PushNotifi.IPushNotifiAlerter>(),
            PaymentWebhookSignature.FromEnvironment(time),
            process,
            services.GetRequiredService<ILogger<PaymentWebhookHandler>>());
        return endpoints.MapPost(Route, (HttpRequest request, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken));
    }
}
