// Hosts the pushnotifi-exception-handler recipe, mounted after the routes.
using PushNotifi;
using TEMPLATE_APP_NAMESPACE;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPushNotifi(builder.Configuration);
builder.Services.AddUnhandledErrorAlert();
var app = builder.Build();
app.MapGet("/orders/{id}", (string id) => id == "boom"
    ? throw new InvalidOperationException("order store unavailable")
    : Results.Ok(id));
app.UseUnhandledErrorAlert();
app.Run();
