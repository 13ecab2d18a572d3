"""What the demo panel said and scored: plain data, kept apart from the code that stores it."""

from __future__ import annotations

from typing import Any

CANDIDATE = {"name": "Amara Okafor", "role": "Software Engineer", "email": "amara.okafor@example.org"}
SECOND_CANDIDATE = {"name": "Mateo Rossi", "role": "Software Engineer", "email": "mateo.rossi@example.org"}

# Each interview: who ran it, with which template, how many days ago, how the sections ran
# (actual minutes), notes per section, scores with evidence, and the candidate's questions.
PANEL: list[dict[str, Any]] = [
    {
        "interviewer": "Priya Raman",
        "template": "software-engineer",
        "days_ago": 3,
        "hour": 10,
        "actual_minutes": [5, 17, 22, 9, 5, 12, 5],
        "recommendation": "strong-yes",
        "summary": (
            "Strong technical depth on the billing pipeline she rebuilt; clear, honest about what went "
            "wrong. Design answer was simple and met the load; she asked about failure modes first."
        ),
        "aspirations": "Wants to own a service end to end and to mentor; less ticket-driven feature work.",
        "notes": {
            1: [
                (
                    320,
                    "Rebuilt the invoice pipeline at her fintech: batch jobs to an event-driven flow, 4 people.",
                ),
                (
                    610,
                    "Outage: duplicate invoices after a retry storm. She added idempotency keys and a replay tool.",
                ),
                (900, "Would now split the ledger write from the notification step earlier.", True),
            ],
            2: [
                (1420, "Asked about clinics' time zones and SMS provider limits before drawing anything."),
                (1830, "Queue per send-minute with a scheduler; outbox table for exactly-once intent."),
                (
                    2300,
                    "Provider outage: backoff, then fall back to e-mail; names the duplicate risk herself.",
                ),
            ],
            3: [
                (
                    2700,
                    "Disagreed with her lead about a rewrite; wrote a one-page comparison, lost, supported it.",
                )
            ],
        },
        "scores": {
            "technical-depth": (
                4,
                "Explained idempotency keys and the replay tool in detail; knew the failure modes.",
            ),
            "system-design": (
                4,
                "Asked for load and time zones first; outbox + scheduler; named the duplicate risk.",
            ),
            "code-quality": (
                3,
                "Tests at the boundary of the pipeline; candid that the replay tool had none.",
            ),
            "collaboration": (
                4,
                "Rewrite disagreement: wrote the comparison, accepted the decision, helped ship it.",
            ),
            "communication": (4, "Structured, checked my understanding twice, adjusted depth when asked."),
            "ownership": (4, "Owned the outage follow-up, including the customer refund script."),
        },
        "questions": [
            (
                "How much of the week goes to on-call and interrupts?",
                "role",
                "One week in six; about 20% of that week is interrupts. We are open that it was worse last year.",
                False,
            ),
            (
                "What is the hardest technical problem the team has right now?",
                "team",
                "Migrating reminders off the legacy scheduler without double-sending.",
                False,
            ),
            (
                "How are promotions to senior decided?",
                "growth",
                "A written case reviewed by a panel twice a year; I promised to send her the rubric.",
                True,
            ),
        ],
        "checklist": [0, 1, 2, 4, 5, 6],
    },
    {
        "interviewer": "Jonas Weber",
        "template": "general-structured",
        "days_ago": 2,
        "hour": 14,
        "actual_minutes": [4, 12, 26, 6, 9, 5],
        "recommendation": "yes",
        "summary": "Solid behavioural examples with specifics. The conflict example was the weakest part.",
        "aspirations": "Looking for a team that writes things down and a manager who gives direct feedback.",
        "notes": {
            1: [(400, "Proudest work: the invoice pipeline again; clear about her part vs. the team's.")],
            2: [
                (
                    1100,
                    "Conflict: a PM who changed scope late; she escalated to her manager rather than talk first.",
                ),
                (1500, "Problem solving: flaky payment tests, bisected to clock skew in CI, wrote it up."),
                (2000, "Mistake: shipped a migration without a rollback plan; now always writes one first."),
            ],
            4: [(2800, "Asked thoughtful questions about the team's writing culture.")],
        },
        "scores": {
            "ownership": (
                4,
                "Migration without rollback: owned it, told the customers, changed her practice.",
            ),
            "collaboration": (
                2,
                "Escalated the scope disagreement before talking to the PM; saw it only when probed.",
            ),
            "communication": (3, "Clear and specific; long answers when not steered."),
            "problem-solving": (
                4,
                "Bisected flaky tests to clock skew; compared three hypotheses with evidence.",
            ),
            "learning": (3, "Concrete change after feedback on her code reviews (shorter, kinder comments)."),
        },
        "questions": [
            (
                "Do people here write design documents before building?",
                "culture",
                "For anything over two weeks of work; shared templates, reviewed asynchronously.",
                False,
            ),
            (
                "When will I hear back, and who decides?",
                "process",
                "The panel meets on Thursday; the recruiter calls by Friday either way.",
                False,
            ),
        ],
        "checklist": [0, 1, 2, 3, 4, 6],
    },
    {
        "interviewer": "Lucía Fernández",
        "template": "candidate-led-conversation",
        "days_ago": 2,
        "hour": 16,
        "actual_minutes": [3, 22, 9, 7, 4],
        "recommendation": "yes",
        "summary": "Prepared, direct questions; a good match with the mentoring path she wants.",
        "aspirations": "In three years: tech lead of a small team, still writing code every week.",
        "notes": {
            1: [(300, "Came with a written list of questions; followed up on every answer.")],
            2: [(1700, "Wants a manager who gives direct feedback and makes room for mentoring.")],
        },
        "scores": {
            "curiosity": (4, "Researched our reminder product; asked about the legacy scheduler by name."),
            "motivation-fit": (
                3,
                "Wants ownership and mentoring, which the role offers; on-call weighed openly.",
            ),
            "self-awareness": (3, "Named her tendency to escalate early and what she does about it."),
        },
        "questions": [
            (
                "What is the salary range, and how are raises decided?",
                "compensation",
                "Shared the band; yearly review tied to the growth framework.",
                False,
            ),
            (
                "Can I talk to someone who joined the team in the last year?",
                "team",
                "Yes; I will set up a call with Ana this week.",
                True,
            ),
            (
                "What is the parental leave policy?",
                "compensation",
                "Sixteen weeks fully paid for every parent.",
                False,
            ),
        ],
        "checklist": [0, 1, 2, 3, 4, 5],
    },
]

SECOND_PANEL: list[dict[str, Any]] = [
    {
        "interviewer": "Priya Raman",
        "template": "software-engineer",
        "days_ago": 1,
        "hour": 11,
        "actual_minutes": [6, 18, 25, 10, 4, 8, 4],
        "recommendation": "no",
        "summary": "Pleasant and fluent, but the design did not address failure or duplicates even when prompted.",
        "aspirations": "Wants to move from agency work to a product team.",
        "notes": {
            1: [(500, "Agency projects, mostly short; little production ownership after launch.")],
            2: [(1600, "Started with a microservice per channel; did not ask about load or time zones.")],
        },
        "scores": {
            "technical-depth": (2, "Could describe what the projects did, not why they were built that way."),
            "system-design": (2, "No failure handling until prompted twice; duplicates not considered."),
            "code-quality": (3, "Good habits around tests and reviews; examples specific."),
            "collaboration": (3, "Worked through a disagreement with a designer constructively."),
            "communication": (3, "Clear and concise."),
            "ownership": (2, "Post-launch issues handed to the client's team; no follow-through example."),
        },
        "questions": [
            ("What does a typical week look like?", "role", "Walked through last week's board.", False)
        ],
        "checklist": [0, 1, 2, 6],
    },
]
