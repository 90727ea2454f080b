def test_unknown_address_gets_the_services_own_not_found_page(client, db):
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in body
    assert "Skip to main content" in body


def test_refusal_says_why_in_the_services_layout(client_as):
    response = client_as("partner_x").get("/admin/", follow=True)
    body = response.content.decode()
    assert response.status_code == 403
    assert "You cannot see this page" in body
    assert "Only OPCC officers may use the administration pages." in body
