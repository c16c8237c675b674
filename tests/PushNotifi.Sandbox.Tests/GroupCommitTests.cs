using System.Net;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// With a data file, sends that arrive while a group is being stored wait for the next group and share its one commit;
/// each is answered only once it is committed, and each is stored once.
/// </summary>
public class GroupCommitTests
{
    [Fact]
    public async Task Sends_that_queue_while_a_group_is_stored_share_one_commit_and_are_all_kept_across_a_restart()
    {
        using var data = new DataFile();
        const int Sends = 10;
        long commits;
        string[] ids;
        await using (var sandbox = await data.StartAsync())
        {
            using var client = Fake.Client(sandbox);
            // The first send makes the queue and writes the key's last use, so the ones below only queue.
            (await client.SendToGroupAsync("first")).EnsureSuccessStatusCode();
            var store = (SqliteNotificationStore)sandbox.State.Store.NotificationStore;
            var before = store.Commits;
            var queued = sandbox.State.Store.Queue!.Enqueued;

            Task<HttpResponseMessage>[] sends;
            using (sandbox.State.Store.Gate.EnterScope())
            {
                // The writer takes the first group and waits for the lock; the other sends queue behind it.
                sends = [.. Enumerable.Range(0, Sends).Select(i => Task.Run(() => client.SendToGroupAsync($"queued {i}")))];
                Assert.True(SpinWait.SpinUntil(() => sandbox.State.Store.Queue.Enqueued - queued == Sends, TimeSpan.FromSeconds(30)), "the sends are queued");
                Assert.DoesNotContain(sends, s => s.IsCompleted);
            }

            var answers = await Task.WhenAll(sends);
            commits = store.Commits - before;
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            ids = [.. await Task.WhenAll(answers.Select(async a => (await a.JsonAsync()).GetProperty("id").GetString()!))];
        }

        await using var restarted = await data.StartAsync();
        Assert.InRange(commits, 1, 2);
        Assert.Equal(Sends, ids.Distinct().Count());
        Assert.Subset(restarted.Notifications.Select(n => n.Id).ToHashSet(), ids.ToHashSet());
    }
}
