using PushNotifi.Sandbox.Keys;

namespace PushNotifi.Sandbox.Store;

/// <summary>The default key store: gone when the sandbox stops.</summary>
internal sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock _gate = new();
    private readonly List<ApiKeyRecord> _records = [];

    public IReadOnlyList<ApiKeyRecord> All()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    public void Add(ApiKeyRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    public void Update(ApiKeyRecord record)
    {
        lock (_gate)
        {
            var index = _records.FindIndex(r => r.Id == record.Id);
            if (index >= 0)
            {
                _records[index] = record;
            }
        }
    }

    public void Touch(string id, DateTimeOffset at)
    {
        lock (_gate)
        {
            var index = _records.FindIndex(r => r.Id == id);
            if (index >= 0)
            {
                _records[index] = _records[index] with { LastUsedAt = at };
            }
        }
    }
}
