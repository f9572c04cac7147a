import uuid

from django.db import migrations, models
from django.utils import timezone


def create_row(apps, schema_editor):
    apps.get_model("catalogue", "CatalogueVersion").objects.create(pk=1, token=uuid.uuid4().hex, changed_at=timezone.now())


class Migration(migrations.Migration):

    dependencies = [
        ("catalogue", "0005_howto_contacts"),
    ]

    operations = [
        migrations.CreateModel(
            name="CatalogueVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
                ("changed_at", models.DateTimeField()),
            ],
            options={"verbose_name": "catalogusversie"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
