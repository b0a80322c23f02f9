/// The HTML of the universal login pages, as Mustache templates. `{{name}}` output is HTML-escaped by
/// swift-mustache (`<`, `>`, `&`, `"`, `'`), and every value sits in element text or a double-quoted attribute.
enum PageTemplates {
    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{title}}</title>
        <style>
        body { font-family: system-ui, sans-serif; background: #f4f5f7; margin: 0; }
        main { max-width: 22rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
               box-shadow: 0 1px 4px rgba(0,0,0,.15); }
        h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
        label { display: block; margin: 1rem 0 .25rem; font-size: .9rem; }
        input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: .6rem; }
        button { margin-top: 1.5rem; width: 100%; padding: .7rem; background: #3f59e4; color: #fff; border: 0;
                 border-radius: 4px; font-size: 1rem; }
        .error { background: #fdecea; color: #a61b1b; padding: .6rem; border-radius: 4px; }
        </style>
        </head>
        """

    static let login = """
        {{> head}}
        <body>
        <main>
        <h1>Log in</h1>
        <p>to continue to {{clientName}}{{#organizationName}} ({{organizationName}}){{/organizationName}}</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/u/login?state={{state}}">
        <input type="hidden" name="state" value="{{state}}">
        <input type="hidden" name="csrf_token" value="{{csrfToken}}">
        <label for="email">Email address</label>
        <input id="email" type="email" name="email" value="{{email}}" autocomplete="username" required>
        <label for="password">Password</label>
        <input id="password" type="password" name="password" autocomplete="current-password" required>
        <button type="submit">Continue</button>
        </form>
        {{#signupAllowed}}<p>Don't have an account? <a href="/u/signup?state={{state}}">Sign up</a></p>{{/signupAllowed}}
        </main>
        </body>
        </html>
        """

    static let signup = """
        {{> head}}
        <body>
        <main>
        <h1>Create your account</h1>
        <p>to continue to {{clientName}}</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/u/signup?state={{state}}">
        <input type="hidden" name="state" value="{{state}}">
        <input type="hidden" name="csrf_token" value="{{csrfToken}}">
        <label for="email">Email address</label>
        <input id="email" type="email" name="email" value="{{email}}" autocomplete="username" required>
        <label for="password">Password (at least {{minimumLength}} characters)</label>
        <input id="password" type="password" name="password" autocomplete="new-password" required>
        <button type="submit">Sign up</button>
        </form>
        <p>Already have an account? <a href="/u/login?state={{state}}">Log in</a></p>
        </main>
        </body>
        </html>
        """

    static let error = """
        {{> head}}
        <body>
        <main>
        <h1>Something went wrong</h1>
        <p class="error" role="alert">{{message}}</p>
        </main>
        </body>
        </html>
        """

    /// The `web_message` answer: the response travels in an escaped attribute and is read back by a fixed script,
    /// so no request value is ever interpreted as JavaScript. It is posted to one origin, never `*`.
    static let webMessage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Authorization response</title></head>
        <body>
        <script nonce="{{nonce}}" id="authorization-response" data-origin="{{origin}}" data-response="{{response}}">
        (function () {
          var element = document.getElementById("authorization-response");
          var target = window.opener || window.parent;
          target.postMessage(
            { type: "authorization_response", response: JSON.parse(element.dataset.response) },
            element.dataset.origin);
        })();
        </script>
        </body>
        </html>
        """
}
