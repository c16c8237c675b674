using System.Text.Json;

namespace PushNotifi.Approvals;

/// <summary>Writes an approval's record when the store keeps records; never fails the approval when it cannot.</summary>
internal static class ApprovalRecordStore
{
    public static async ValueTask SetRecordAsync(this IPushNotifiStateStore store, string key, ApprovalRecord record, TimeSpan window, CancellationToken cancellationToken)
    {
        if (store is IPushNotifiRecordStore records)
        {
            await records.SetAsync(key, JsonSerializer.Serialize(record, ApprovalJsonContext.Default.ApprovalRecord), window, cancellationToken).ConfigureAwait(false);
        }
    }
}
