"""Links in messages: find them, fetch the page safely, extract the article (issue 15)."""
