using System.Text;
using PushNotifi.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await CliApplication.RunAsync(args, CliContext.ForConsole()).ConfigureAwait(false);
