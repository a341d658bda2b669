package dev.lbr.forwarder.kube;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Asks for bookmarks on every watch ({@code allowWatchBookmarks=true}): client-java's generic API
 * has no option for it, yet its reflector honours BOOKMARK events, resuming from their
 * resourceVersion, which makes a 410 Gone after a quiet spell much less likely.
 */
final class WatchBookmarks implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    if ("true".equals(url.queryParameter("watch"))
        && url.queryParameter("allowWatchBookmarks") == null) {
      HttpUrl withBookmarks =
          url.newBuilder().addQueryParameter("allowWatchBookmarks", "true").build();
      return chain.proceed(chain.request().newBuilder().url(withBookmarks).build());
    }
    return chain.proceed(chain.request());
  }
}
