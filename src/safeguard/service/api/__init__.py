"""One router per resource; ``safeguard.service.app.ROUTERS`` lists them."""
