// Drives the pushnotifi-migration recipe: one applied step, one failing step, one quiet step.
using TEMPLATE_APP_NAMESPACE;

await MigrationAlerts.RunAsync("AddOrdersIndex", "20260510_0300", _ => Task.CompletedTask);
Console.WriteLine("applied AddOrdersIndex");
try
{
    await MigrationAlerts.RunAsync("DropLegacyTable", "20260511_0100", _ => throw new InvalidOperationException("table is locked"));
    return 1;
}
catch (InvalidOperationException ex)
{
    Console.WriteLine("rethrown: " + ex.Message);
}

await QuietMigrations.RunAsync("AddColumn", "v3", _ => Task.CompletedTask);
Console.WriteLine("applied AddColumn quietly");
return 0;
