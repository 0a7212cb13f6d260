"""The public website's records: pages, topics, resources and their versions, the front doors
for reporting a concern, subscriptions, and the day counters of the site's own statistics."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from safeguarding.core.models import BaseModel, ReferenceModel


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", "Professionals"
    PARENTS = "parents", "Parents and carers"
    YOUNG_PEOPLE = "young_people", "Children and young people"


class Topic(ReferenceModel):
    """A subject people look for: neglect, child sexual abuse, exploitation, safer sleep..."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Page(BaseModel):
    """A page the business unit writes. The page with slug "home" is the site's front page."""

    class Kind(models.TextChoices):
        HOME = "home", "Home page"
        ABOUT = "about", "About the partnership"
        ARRANGEMENTS = "arrangements", "The safeguarding arrangements"
        TOPIC = "topic", "Topic page"
        GENERAL = "general", "Information page"

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField(help_text="Markdown: headings, lists, links, tables.")
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.PROTECT, related_name="pages"
    )
    audience = models.CharField(max_length=20, choices=Audience.choices)
    review_on = models.DateField("review date")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="home"), name="website_one_home_page"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def shows_exit_this_page(self) -> bool:
        return self.audience in {Audience.PARENTS, Audience.YOUNG_PEOPLE}


class Resource(BaseModel):
    """A document or link in the resource library; its content lives in versions."""

    class Kind(models.TextChoices):
        TOOLKIT = "toolkit", "Toolkit"
        BRIEFING = "briefing", "7-minute briefing"
        GUIDANCE = "guidance", "Guidance"
        LEAFLET = "leaflet", "Leaflet"
        RECORDING = "recording", "Recording"

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    summary = models.CharField(max_length=300)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="resources")
    audience = models.CharField(max_length=20, choices=Audience.choices)
    is_published = models.BooleanField(default=False)
    practice_review = models.ForeignKey(
        "case_reviews.PracticeReview",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A briefing that shares a practice review's learning: listed on the review's "
        "public page once the review is published.",
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ResourceVersion(BaseModel):
    """One version of a resource: a file or a link. A newer version supersedes it; the old
    one stays listed as superseded."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to="website/resources/", blank=True)
    file_kind = models.CharField(max_length=10, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    link = models.URLField(blank=True)
    notes = models.CharField("what changed", max_length=300, blank=True)
    published_on = models.DateField()
    review_on = models.DateField("review date")
    superseded_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["resource", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="website_version_unique"),
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""), name="website_version_file_or_link"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resource.title}, version {self.number}"

    @property
    def is_current(self) -> bool:
        return self.superseded_on is None


class FrontDoor(ReferenceModel):
    """Where to report a concern about a child who lives in an area (or one district of it)."""

    area = models.ForeignKey("partnership.Area", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "partnership.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=200, help_text="For example, Children's Services")
    phone = models.CharField(max_length=40)
    hours = models.CharField(max_length=200)
    out_of_hours_phone = models.CharField(max_length=40)
    online_form_url = models.URLField(blank=True)
    review_on = models.DateField("review date")

    class Meta:
        ordering = ["area__name", "district__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "district"], name="website_one_front_door_per_district"
            ),
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(district__isnull=True),
                name="website_one_front_door_per_area",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Subscription(models.Model):
    """An e-mail address and the topics it follows: nothing else is kept, and the row is
    deleted on unsubscribe. Notices go only once the address is confirmed (double opt-in)."""

    email = models.EmailField(unique=True)
    topics = models.ManyToManyField(Topic, related_name="subscriptions")
    token = models.CharField(max_length=64, unique=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    pending_topics = models.JSONField(
        default=list,
        blank=True,
        help_text="Topics asked for again after confirming: applied only when the new link is "
        "used, so nobody can change another person's topics by typing their address.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return "subscription"  # never the address: it would reach logs and error pages


class PageViewDay(models.Model):
    """Views of one public page on one day. No address, agent or identifier is kept."""

    day = models.DateField()
    path = models.CharField(max_length=300)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "path"], name="website_pageview_day_path")
        ]
        indexes = [models.Index(fields=["path", "day"], name="website_pageview_path_day")]

    def __str__(self) -> str:
        return f"{self.path} on {self.day}"


class SiteDay(models.Model):
    """The whole site's counters for a day: views, daily unique users, where visitors came
    from and on what kind of device."""

    day = models.DateField(unique=True)
    views = models.PositiveIntegerField(default=0)
    users = models.PositiveIntegerField(default=0)
    from_search = models.PositiveIntegerField(default=0)
    from_social = models.PositiveIntegerField(default=0)
    from_direct = models.PositiveIntegerField(default=0)
    from_other = models.PositiveIntegerField(default=0)
    desktop = models.PositiveIntegerField(default=0)
    mobile = models.PositiveIntegerField(default=0)
    tablet = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]

    def __str__(self) -> str:
        return f"the site on {self.day}"


class Tool(BaseModel):
    """An interactive tool: a public questionnaire (one of assurance's survey questionnaires,
    forms as data) that gives guidance from the answers. Nothing anyone answers is stored."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    intro = models.TextField(blank=True, help_text="Markdown, shown above the questions.")
    form = models.ForeignKey(
        "assurance.FormTemplate",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A survey questionnaire from Quality assurance: its latest version is asked.",
    )
    audience = models.CharField(max_length=20, choices=Audience.choices)
    is_published = models.BooleanField(default=False)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ToolOutcome(BaseModel):
    """One kind of result (for example green, amber, red). The result of a set of answers is the
    most serious outcome any answer leads to; with none, the least serious."""

    class Colour(models.TextChoices):
        GREEN = "green", "Green"
        AMBER = "yellow", "Amber"
        RED = "red", "Red"
        GREY = "grey", "Grey"

    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="outcomes")
    seriousness = models.PositiveSmallIntegerField(help_text="1 is the least serious.")
    title = models.CharField(max_length=120)
    colour = models.CharField(max_length=10, choices=Colour.choices, default=Colour.GREY)
    guidance = models.TextField(help_text="Markdown: what to do.")

    class Meta:
        ordering = ["tool", "seriousness"]
        constraints = [
            models.UniqueConstraint(
                fields=["tool", "seriousness"], name="website_tool_outcome_seriousness"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ToolRule(models.Model):
    """An answer to a question that leads to an outcome."""

    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="rules")
    question_key = models.SlugField(max_length=60)
    answer = models.CharField(max_length=200)
    outcome = models.ForeignKey(ToolOutcome, on_delete=models.CASCADE, related_name="rules")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tool", "question_key", "answer"], name="website_tool_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_key} = {self.answer}"
