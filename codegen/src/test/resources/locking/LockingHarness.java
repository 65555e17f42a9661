import dal.Attrs;
import dal.Post;
import dal.PostRepository;
import dal.Tables;
import dal.User;
import dal.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Optimistic locking and pagination of the generated Java DAL (social example). */
public final class LockingHarness {
  private LockingHarness() {}

  static String refused(Supplier<?> call) {
    try {
      call.get();
      return "accepted";
    } catch (Attrs.ConcurrentModificationException e) {
      return "refused";
    }
  }

  public static TreeMap<String, Object> run(DynamoDbClient client) {
    Tables.create(client);
    TreeMap<String, Object> out = new TreeMap<>();
    UserRepository users = new UserRepository(client);
    User sample = new User("u-lock", "lock", "L", "2025-01-01", 0L, null, 0);
    out.put("created", users.create(sample).version());
    out.put("duplicate", refused(() -> users.create(sample)));
    User fresh = users.get("u-lock", false).orElseThrow();
    out.put("updated", users.update(new User(fresh.userId(), fresh.handle(), "M", fresh.joined(), fresh.followerCount(), fresh.verified(), fresh.version())).version());
    out.put("stale", refused(() -> users.update(fresh)));
    out.put("name", users.get("u-lock", false).orElseThrow().displayName());
    PostRepository posts = new PostRepository(client);
    for (int i = 1; i <= 7; i++) {
      posts.create(new Post("u-lock", "p" + i, "2025-01-0" + i, "b", 0L, null, 0));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Attrs.Page<Post> page = posts.userPosts("u-lock", 2, token);
      page.items().forEach(p -> seen.add(p.postId()));
      token = page.nextToken();
      pages++;
    } while (token != null && pages < 50);
    out.put("posts", seen);
    out.put("pages", pages);
    List<String> newest = new ArrayList<>();
    token = null;
    pages = 0;
    do {
      Attrs.Page<Post> page = posts.userPosts("u-lock", 3, token, true);
      page.items().forEach(p -> newest.add(p.postId()));
      token = page.nextToken();
      pages++;
    } while (token != null && pages < 50);
    out.put("newest", newest);
    out.put("newest_pages", pages);
    return out;
  }
}
