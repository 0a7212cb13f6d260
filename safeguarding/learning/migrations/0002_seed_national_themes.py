"""Reference data: the themes of learning every installation starts with.

The first twelve are the national themes the partnership's annual report names (learning from
rapid reviews and practice reviews); the rest are themes that recur in national and local
reviews. Administrators add, rename and retire themes from the application after this.
"""

from django.db import migrations
from django.utils.text import slugify

THEMES = [
    ("Professional curiosity", "Looking beyond what is presented: asking, checking and not taking things at face value."),
    ("Child sexual abuse", "Recognising and responding to sexual abuse, within and outside the family."),
    ("Mental ill health", "The mental health of children, young people, parents and carers."),
    ("Moving between local authorities", "Keeping children safe when families move between areas, and passing on what is known."),
    ("Domestic abuse", "Domestic abuse and coercive control, and their impact on children."),
    ("Neglect", "Recognising and responding to the persistent failure to meet a child's basic needs."),
    ("Information sharing", "Sharing the right information, with the right people, at the right time."),
    ("Pre-birth assessment", "Assessment and support before birth, including the pre-birth protocol and unborn panel."),
    ("Safer sleeping", "Safer sleep advice for babies and the risks of co-sleeping."),
    ("Dog attacks", "The risks dogs pose to babies and young children; never leave them alone together."),
    ("Exploitation", "Child criminal and sexual exploitation, county lines and trafficking."),
    ("The voice of the child", "Seeing the child, hearing what they say and acting on their lived experience."),
    ("Escalation and challenge", "Challenging decisions and escalating concerns between agencies when there is drift."),
    ("Parental substance misuse", "Parental drug and alcohol use and its impact on children."),
    ("Working with fathers and men", "Including fathers and other men in the household in assessments and plans."),
    ("Bruising in non-mobile babies", "Responding to bruising or injury in babies who are not yet mobile."),
    ("Suicide and self-harm", "Recognising and responding to self-harm and suicide risk in children and young people."),
    ("Online harm", "Risks to children online, including grooming, sharing of images and harmful content."),
]


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("learning", "Theme")
    for name, description in THEMES:
        if not Theme.objects.filter(name__iexact=name).exists():
            Theme.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "description": description}
            )


def remove_unused_themes(apps, schema_editor):
    # Themes with learning recorded against them stay: they are never deleted.
    Theme = apps.get_model("learning", "Theme")
    Theme.objects.filter(
        slug__in=[slugify(name) for name, _description in THEMES],
        learning_point_links__isnull=True,
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0001_create_themes_and_learning_points"),
    ]

    operations = [
        migrations.RunPython(seed_themes, remove_unused_themes),
    ]
