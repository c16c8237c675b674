namespace PushNotifi.Generators.Tests.Infrastructure;

/// <summary>Consumer code compiled with the generator and run against the sandbox by the behaviour tests.</summary>
internal static class BehaviourSource
{
    public const string Text = ShapeCases.Usings + """
        namespace Behaviour;

        public static class Control
        {
            public static string Mode = "ok";
            public static string Secret = "";
        }

        public partial class NightlyJobs(IPushNotifiClient pushNotifi)
        {
            [PushNotifiAlert("Cron failed: {jobName}", IdempotencyKey = "cron:{jobName}:{runId}")]
            public partial Task RunAsync(string jobName, string runId, CancellationToken cancellationToken);

            private async Task RunCoreAsync(string jobName, string runId, CancellationToken cancellationToken)
            {
                await Task.Yield();
                if (Control.Mode == "throw")
                {
                    throw new InvalidOperationException("database refused key " + Control.Secret);
                }

                if (Control.Mode == "cancel")
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                _ = pushNotifi;
            }
        }

        public partial record Webhooks(IPushNotifiClient Client)
        {
            [PushNotifiAlert("Webhook {eventId} rejected ({signature})", IdempotencyKey = "wh:{eventId}:{signature}", Priority = PushNotifiPriority.Emergency)]
            public partial ValueTask<int> HandleAsync(string eventId, [Redact] string signature);

            private ValueTask<int> HandleCoreAsync(string eventId, string signature) =>
                Control.Mode == "throw" ? throw new FormatException("bad signature " + signature) : new ValueTask<int>(42);
        }

        public static partial class Maintenance
        {
            [PushNotifiAlert("Cleanup of {folder} failed", IdempotencyKey = "cleanup:{folder}")]
            public static partial void Apply(string folder);

            private static void ApplyCore(string folder)
            {
                if (Control.Mode == "throw")
                {
                    throw new System.IO.IOException("disk full at " + folder);
                }
            }
        }

        public partial class Migrations(IPushNotifiClient pushNotifi)
        {
            [PushNotifiAlert("Migration FAILED: {name}", Message = "version {version}: {ExceptionMessage}", IdempotencyKey = "mig:fail:{name}:{version}", Priority = PushNotifiPriority.Emergency,
                NotifyOnSuccess = true, SuccessTitle = "Migration applied: {name}", SuccessMessage = "version {version} ok", SuccessIdempotencyKey = "mig:ok:{name}:{version}")]
            public partial int Apply(string name, int version);

            private int ApplyCore(string name, int version) => Control.Mode == "throw" ? throw new InvalidOperationException("migration broke") : version;

            public IPushNotifiClient Client => pushNotifi;
        }

        public partial class Pipeline(IPushNotifiClient client, Steps steps)
        {
            [PushNotifiAlert("Pipeline {name} failed", IdempotencyKey = "pipe:{name}")]
            public partial Task RunAsync(string name);

            private async Task RunCoreAsync(string name)
            {
                await steps.StepAsync(name + "/1");
                _ = client;
            }
        }

        public partial class Steps(IPushNotifiClient client)
        {
            [PushNotifiAlert("Step {step} failed", IdempotencyKey = "step:{step}")]
            public partial Task StepAsync(string step);

            private async Task StepCoreAsync(string step)
            {
                await Task.Yield();
                _ = client;
                throw new InvalidOperationException("step broke: " + step);
            }
        }

        public partial class Texts(IPushNotifiClient client)
        {
            [PushNotifiAlert("{text}", Message = "{text}", IdempotencyKey = "long:{text}")]
            public partial void Fail(string text);

            private void FailCore(string text)
            {
                _ = client;
                throw new InvalidOperationException("long");
            }
        }

        public partial class Windows(IPushNotifiClient client)
        {
            [PushNotifiAlert("Feed {feed} failed", IdempotencyKey = "feed:{feed}", SuppressionWindowSeconds = 60)]
            public partial void FailMinute(string feed);

            [PushNotifiAlert("Feed {feed} failed again", IdempotencyKey = "every:{feed}", SuppressionWindowSeconds = 0)]
            public partial void FailEvery(string feed);

            private void FailMinuteCore(string feed)
            {
                _ = client;
                throw new InvalidOperationException("feed down: " + feed);
            }

            private void FailEveryCore(string feed) => FailMinuteCore(feed);
        }

        public partial class Cancellable(IPushNotifiClient client)
        {
            [PushNotifiAlert("Cancelled {id}", IdempotencyKey = "cancel:{id}", AlertOnCallerCancellation = true)]
            public partial Task WaitAsync(int id, CancellationToken cancellationToken);

            private async Task WaitCoreAsync(int id, CancellationToken cancellationToken)
            {
                _ = client;
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }

        // Holds the container's alerter, not a client: the wrappers send through it.
        public partial class AlertedJobs(IPushNotifiAlerter alerter)
        {
            [PushNotifiAlert("Job {name} failed", IdempotencyKey = "job:{name}:{token}")]
            public partial Task RunAsync(string name, [Redact] string token);

            [PushNotifiAlert("Step {name} failed", IdempotencyKey = "step:{name}")]
            public partial void Run(string name);

            private async Task RunCoreAsync(string name, string token)
            {
                await Task.Yield();
                _ = alerter;
                throw new InvalidOperationException("job broke with " + token + " and key " + Control.Secret);
            }

            private void RunCore(string name) => throw new InvalidOperationException("step broke with key " + Control.Secret);
        }
        """;
}
