// GOV.UK Frontend's styles for pages where JavaScript runs (loaded first thing in <body>).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
