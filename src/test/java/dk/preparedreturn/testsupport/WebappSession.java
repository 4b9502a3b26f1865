package dk.preparedreturn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A user signed in to Tasklist or Cockpit as a browser is: the session cookie and the webapps' CSRF
 * token (sent as X-XSRF-TOKEN, as the webapps' JavaScript does). Redirects are not followed.
 */
public record WebappSession(HttpClient http, int port, String cookie, String csrf) {

  public static WebappSession login(int port, String user, String password, String app) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/app/" + app + "/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
    String csrf = cookie(page, "XSRF-TOKEN");
    String session = cookie(page, "JSESSIONID");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("login of " + user + ": " + login.body()).isEqualTo(200);
    String loggedIn = cookie(login, "JSESSIONID");
    // the new session gets its own CSRF token with its first request, as the webapp's next call does
    HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/admin/auth/user/default")).header("Cookie", "JSESSIONID=" + loggedIn).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String token = next.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))
        ? cookie(next, "XSRF-TOKEN") : csrf;
    return new WebappSession(http, port, "JSESSIONID=" + loggedIn + "; XSRF-TOKEN=" + token, token);
  }

  public String origin() {
    return "http://localhost:" + port;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(origin() + path)).header("Cookie", cookie)
        .header("X-XSRF-TOKEN", csrf).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String body, String type) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(origin() + path)).header("Cookie", cookie)
        .header("X-XSRF-TOKEN", csrf).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form of the service's own pages, posted by the browser from the given origin. */
  public HttpResponse<String> postForm(String path, String body, String origin) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(origin() + path)).header("Cookie", cookie)
        .header("Origin", origin).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
  }
}
