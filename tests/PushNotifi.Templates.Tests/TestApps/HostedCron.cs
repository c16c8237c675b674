// Hosts the pushnotifi-cron --hosted variant.
using PushNotifi;
using TEMPLATE_APP_NAMESPACE;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPushNotifi(builder.Configuration);
builder.Services.AddHostedService<ReportJob>();
var app = builder.Build();
app.Run();
