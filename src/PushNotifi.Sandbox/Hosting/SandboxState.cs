using PushNotifi.Sandbox.Api;
using PushNotifi.Sandbox.Keys;
using PushNotifi.Sandbox.Logging;
using PushNotifi.Sandbox.Store;
using PushNotifi.Sandbox.Web;

namespace PushNotifi.Sandbox.Hosting;

/// <summary>Everything the endpoints share for one sandbox instance.</summary>
internal sealed class SandboxState : IDisposable
{
    private readonly SqliteDatabase? _database;

    /// <exception cref="InvalidOperationException">The data file or its pepper cannot be used.</exception>
    public SandboxState(SandboxOptions options)
    {
        Secrets = new SandboxSecrets(options);
        Clock = options.TimeProvider;
        FailedAuth = new FailedAuthLimiter(Clock);

        IApiKeyStore keyStore;
        INotificationStore notificationStore;
        byte[] pepper;
        if (string.IsNullOrWhiteSpace(options.DataFile))
        {
            keyStore = new InMemoryApiKeyStore();
            notificationStore = new InMemoryNotificationStore(options.MaxNotifications);
            pepper = KeyHasher.NewPepper();
        }
        else
        {
            _database = SqliteDatabase.Open(options.DataFile);
            try
            {
                pepper = PepperFile.LoadOrCreate(_database);
            }
            catch
            {
                _database.Dispose();
                throw;
            }

            keyStore = new SqliteApiKeyStore(_database);
            notificationStore = new SqliteNotificationStore(_database, Secrets, new KeyHasher(pepper), options.MaxNotifications);
        }

        Events = new SandboxEvents(Secrets);
        Store = new SandboxStore(notificationStore, Events, options.MaxRequests, groupCommits: _database is not null);
        Keys = new ApiKeys(keyStore, new KeyHasher(pepper), Secrets, Clock);

        // The configured keys are each account's first `full` key, so every existing setup keeps working.
        for (var account = 0; account < Secrets.Accounts.Count; account++)
        {
            Keys.Seed(account, Secrets.Accounts[account], account == 0 ? SandboxOptions.UserKeyVariable : "extra account key");
        }
    }

    public ApiKeys Keys { get; }

    public FailedAuthLimiter FailedAuth { get; }

    public SandboxEvents Events { get; }

    public SandboxStore Store { get; }

    public SandboxFaults Faults { get; } = new();

    public SandboxSecrets Secrets { get; }

    public TimeProvider Clock { get; }

    /// <summary>Captured headers: all but <c>X-API-Key</c>, values as received (in-process tests look for leaks).</summary>
    public static Dictionary<string, string> CaptureHeaders(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
    {
        var captured = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            if (!string.Equals(name, ApiHeaders.ApiKey, StringComparison.OrdinalIgnoreCase))
            {
                captured[name] = values.ToString();
            }
        }

        return captured;
    }

    /// <summary>Stops the event batches, stores the sends still queued, writes the keys' last use and closes the data file, if any.</summary>
    public void Dispose()
    {
        Events.Dispose();
        Store.Dispose();
        if (_database is not null)
        {
            Keys.Flush();
            _database.Dispose();
        }
    }
}
