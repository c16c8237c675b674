// Hosts both pushnotifi-webhook variants: generic HMAC on /webhooks/payment, Stripe-style on /webhooks/stripe.
using PushNotifi;
using TEMPLATE_APP_NAMESPACE;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPushNotifi(builder.Configuration);
var app = builder.Build();
app.MapPaymentWebhook((evt, _) => evt.Type == "order.fail"
    ? throw new InvalidOperationException($"fulfilment failed for {evt.Id}")
    : Task.CompletedTask);
app.MapStripeHook((_, _) => Task.CompletedTask);
app.Run();
