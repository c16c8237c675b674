namespace PushNotifi.Generators.Tests;

/// <summary>One source per supported shape; shared by the snapshot and behaviour tests.</summary>
internal static class ShapeCases
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PushNotifi;

        """;

    public static readonly IReadOnlyDictionary<string, (string Source, bool Nullable)> All = new Dictionary<string, (string, bool)>
    {
        ["CronTask"] = (Usings + """
            namespace Demo;

            public partial class NightlyJobs(IPushNotifiClient pushNotifi)
            {
                [PushNotifiAlert("Cron failed: {jobName}", IdempotencyKey = "cron:{jobName}:{runId}", Priority = PushNotifiPriority.High)]
                public partial Task RunAsync(string jobName, string runId, CancellationToken cancellationToken);

                private async Task RunCoreAsync(string jobName, string runId, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    _ = (jobName, runId, cancellationToken, pushNotifi);
                }
            }
            """, true),

        ["SyncVoidStatic"] = (Usings + """
            namespace Demo;

            public static partial class Maintenance
            {
                [PushNotifiAlert("Cleanup failed for {Folder}", IdempotencyKey = "cleanup:{folder}")]
                public static partial void Apply(string folder);

                private static void ApplyCore(string folder) => _ = folder;
            }
            """, true),

        ["SyncValueRefOutInParams"] = (Usings + """
            namespace Demo;

            public partial class Calculator
            {
                [PushNotifiAlert("Sum failed at {start}", IdempotencyKey = "sum:{start}:{scale}:{values.Length}")]
                internal partial int Sum(ref int start, out int count, in double scale, int bonus = 3, params int[] values);

                private int SumCore(ref int start, out int count, in double scale, int bonus = 3, params int[] values)
                {
                    count = values.Length;
                    start += bonus;
                    return start + (int)scale;
                }
            }
            """, true),

        ["TaskOfTField"] = (Usings + """
            namespace Demo.Billing;

            public sealed partial class InvoiceSender
            {
                private readonly IPushNotifiClient _client;

                public InvoiceSender(IPushNotifiClient client) => _client = client;

                [PushNotifiAlert("Invoice {invoiceId} failed", Message = "{ExceptionType}: {ExceptionMessage}", IdempotencyKey = "invoice:{invoiceId}", Priority = PushNotifiPriority.Emergency)]
                public partial Task<int> SendAsync(long invoiceId, CancellationToken cancellationToken = default);

                private Task<int> SendCoreAsync(long invoiceId, CancellationToken cancellationToken) => Task.FromResult((int)invoiceId);
            }
            """, true),

        ["ValueTaskProperty"] = (Usings + """
            namespace Demo;

            public partial class Syncer
            {
                public IPushNotifiClient? Client { get; set; }

                [PushNotifiAlert("Sync of {source} failed", IdempotencyKey = "sync:{source}")]
                protected internal partial ValueTask SyncAsync(string source);

                private ValueTask SyncCoreAsync(string source) => ValueTask.CompletedTask;
            }
            """, true),

        ["ValueTaskOfTGenericNested"] = (Usings + """
            namespace Demo;

            public partial class Outer<TOuter> where TOuter : class
            {
                internal partial struct Inner
                {
                    [PushNotifiAlert("Load {key} failed", IdempotencyKey = "load:{key}")]
                    public partial ValueTask<TValue?> LoadAsync<TValue, TKey>(TKey key, TOuter? context)
                        where TValue : class, new()
                        where TKey : notnull, IComparable<TKey>;

                    private ValueTask<TValue?> LoadCoreAsync<TValue, TKey>(TKey key, TOuter? context)
                        where TValue : class, new()
                        where TKey : notnull, IComparable<TKey> => new(new TValue());
                }
            }
            """, true),

        ["RecordWithRedactAndMembers"] = (Usings + """
            namespace Demo.Hooks;

            public sealed record WebhookEvent(string Id, string Kind);

            public partial record WebhookHandler(IPushNotifiClient Client)
            {
                [PushNotifiAlert("Webhook {evt.Kind} rejected with token {signingToken}", IdempotencyKey = "wh:{evt.Id}:{signingToken}")]
                public partial Task HandleAsync(WebhookEvent evt, [Redact] string signingToken, CancellationToken cancellationToken);

                private Task HandleCoreAsync(WebhookEvent evt, string signingToken, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """, true),

        ["NullableDisabled"] = (Usings + """
            namespace Demo;

            public partial class LegacyJobs
            {
                private readonly IPushNotifiClient client;

                public LegacyJobs(IPushNotifiClient client) => this.client = client;

                [PushNotifiAlert("Legacy job {name} failed", IdempotencyKey = "legacy:{name}")]
                public partial Task<string> RunAsync(string name);

                private Task<string> RunCoreAsync(string name) => Task.FromResult(name);
            }
            """, false),

        ["CollidingNames"] = (Usings + """
            namespace Demo;

            public partial class Collisions
            {
                [PushNotifiAlert("{ex} {task} {alert} {result} {__pn_task}", IdempotencyKey = "c:{ex}:{__pn_started}")]
                public partial Task<int> WorkAsync(string ex, int task, int alert, int result, int __pn_task, long __pn_started, CancellationToken cancellationToken);

                private Task<int> WorkCoreAsync(string ex, int task, int alert, int result, int __pn_task, long __pn_started, CancellationToken cancellationToken) => Task.FromResult(task);
            }
            """, true),

        ["NotifyOnSuccessSyncValue"] = (Usings + """
            namespace Demo;

            public partial class Migrations(IPushNotifiClient pushNotifi)
            {
                [PushNotifiAlert("Migration FAILED: {name}", Message = "version {version}: {ExceptionMessage}", IdempotencyKey = "mig:fail:{name}:{version}", Priority = PushNotifiPriority.Emergency,
                    NotifyOnSuccess = true, SuccessTitle = "Migration applied: {name}", SuccessMessage = "version {version} ok", SuccessIdempotencyKey = "mig:ok:{name}:{version}")]
                public partial bool Apply(string name, int version);

                private bool ApplyCore(string name, int version) => version > 0;
            }
            """, true),

        ["SuppressionWindowPerAttribute"] = (Usings + """
            namespace Demo;

            public partial class Imports(IPushNotifiClient pushNotifi)
            {
                [PushNotifiAlert("Import {feed} failed", IdempotencyKey = "import:{feed}", SuppressionWindowSeconds = 60, NotifyOnSuccess = true)]
                public partial Task ImportAsync(string feed, CancellationToken cancellationToken);

                private Task ImportCoreAsync(string feed, CancellationToken cancellationToken)
                {
                    _ = pushNotifi;
                    return Task.CompletedTask;
                }
            }
            """, true),

        ["NotifyOnSuccessTaskDefaults"] = (Usings + """
            namespace Demo;

            public partial class Reports
            {
                [PushNotifiAlert("Report {name} failed", IdempotencyKey = "report:{name}", NotifyOnSuccess = true)]
                public partial Task BuildAsync(string name, CancellationToken cancellationToken);

                private Task BuildCoreAsync(string name, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """, true),

        ["DefaultKeyPrivateClassicPartial"] = (Usings + """
            namespace Demo;

            internal partial class Housekeeping
            {
                [PushNotifiAlert("Housekeeping failed")]
                partial void Sweep(int days, [Redact] string password);

                private void SweepCore(int days, string password) => _ = (days, password);

                public void Run() => Sweep(3, "hunter2");
            }
            """, true),

        ["ExtensionMethodCustomImplementation"] = (Usings + """
            namespace Demo;

            public static partial class QueueExtensions
            {
                [PushNotifiAlert("Drain of {queue} failed", IdempotencyKey = "drain:{queue.Count}", Implementation = nameof(DrainQueue), AlertOnCallerCancellation = true)]
                public static partial int Drain(this Queue<string> queue, CancellationToken cancellationToken);

                private static int DrainQueue(Queue<string> queue, CancellationToken cancellationToken)
                {
                    var n = queue.Count;
                    queue.Clear();
                    return n;
                }
            }
            """, true),

        ["GlobalNamespaceStaticTask"] = (Usings + """
            public static partial class Startup
            {
                [PushNotifiAlert("Warmup {{literal}} failed after {elapsed}", IdempotencyKey = "warmup:{attempt}")]
                public static partial Task WarmUpAsync(int attempt);

                private static Task WarmUpCoreAsync(int attempt) => Task.CompletedTask;
            }
            """, true),
    };
}
