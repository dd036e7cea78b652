#!/usr/bin/env python3
"""Writes assets/eval/inbox/*.eml, the labelled messages behind `jobhound-cli eval inbox`.

Each file is named `<status>-<n>-<lang>.eml` (status: received, rejected, interview, assessment,
offer, other). The messages are modelled on the templates the big ATSs send for their customers
(Greenhouse, Lever, Workday, Ashby, SmartRecruiters, Personio, Teamtailor, iCIMS) and on replies
people have published; companies and people are made up. They are written here, not recorded:
no real mailbox was read. Deterministic: run it again after editing a message.
"""
import pathlib
import shutil

OUT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "eval" / "inbox"

MESSAGES = [
    # --- received ---
    ("received", "en", "Acme Recruiting <no-reply@us.greenhouse-mail.io>", "Thank you for applying to Acme",
     "Hi Ada,\n\nThanks for applying to Acme! Your application for the Data Engineer role has been received and our team will review it shortly.\n\nBest,\nAcme Recruiting"),
    ("received", "en", "Globex <no-reply@hire.lever.co>", "Globex - Application received",
     "Hi Ada,\n\nThank you for your interest in Globex. We have received your application for Platform Engineer and will be in touch if your experience matches our needs."),
    ("received", "en", "Initech Careers <initech@myworkday.com>", "Your application for Backend Developer (R12345)",
     "Dear Ada Lovelace,\n\nThank you for your application for the position Backend Developer (R12345). We will review your qualifications and contact you if there is a match.\n\nInitech Talent Acquisition"),
    ("received", "en", "Hooli <notifications@ashbyhq.com>", "Thanks for applying to Hooli",
     "Hi Ada, we got your application for Site Reliability Engineer. Our team reviews every application carefully, and we will reach out about next steps."),
    ("received", "en", "Umbrella Corp <noreply@smartrecruiters.com>", "Application submitted: Product Designer",
     "Dear Ada,\nYour application has been submitted successfully. Thank you for applying to Umbrella Corp."),
    ("received", "de", "Personio Jobs <noreply@personio.de>", "Eingangsbestätigung Ihrer Bewerbung",
     "Hallo Ada,\n\nvielen Dank für Ihre Bewerbung als Werkstudentin Data Analytics. Wir haben Ihre Bewerbung erhalten und melden uns in Kürze bei Ihnen.\n\nViele Grüße\nIhr Recruiting-Team"),
    ("received", "de", "Stark Industries GmbH <jobs@teamtailor.com>", "Danke für deine Bewerbung!",
     "Hi Ada,\n\ndanke für deine Bewerbung bei Stark Industries. Wir schauen uns deine Unterlagen in Ruhe an und melden uns."),
    ("received", "fr", "Wayne Entreprises <recrutement@wayne.example>", "Votre candidature",
     "Bonjour Ada,\n\nNous avons bien reçu votre candidature pour le poste de Développeuse Backend. Merci pour votre candidature, nous revenons vers vous rapidement.\n\nL'équipe recrutement"),
    ("received", "fr", "Cyberdyne <noreply@jobs.cyberdyne.example>", "Merci de votre candidature",
     "Madame,\nMerci de votre candidature au poste d'Ingénieure DevOps. Notre équipe l'étudie avec attention."),
    ("received", "es", "Tyrell <empleo@tyrell.example>", "Hemos recibido tu candidatura",
     "Hola Ada,\n\nHemos recibido tu candidatura para el puesto de Ingeniera de Datos. Gracias por postularte; revisaremos tu perfil y te contactaremos."),
    ("received", "es", "Soylent <no-reply@icims.com>", "Gracias por su candidatura",
     "Estimada Ada:\nGracias por su candidatura al puesto de Analista. La revisaremos en los próximos días."),
    ("received", "en", "Vandelay Industries <careers@vandelay.example>", "We received your application",
     "Hello Ada,\nThis is a confirmation that we received your application for Import/Export Analyst. No action is needed from you at this time."),
    # --- rejected ---
    ("rejected", "en", "Acme Recruiting <no-reply@us.greenhouse-mail.io>", "Your application to Acme",
     "Hi Ada,\n\nThank you for applying to the Data Engineer role at Acme. Unfortunately, we have decided to move forward with other candidates whose experience more closely matches our needs.\n\nWe wish you the best in your search."),
    ("rejected", "en", "Globex <no-reply@hire.lever.co>", "Update on your Globex application",
     "Hi Ada,\n\nThanks so much for your interest in Globex and for the time you spent interviewing with us. After careful consideration we will not be moving forward with your candidacy at this time."),
    ("rejected", "en", "Initech Careers <initech@myworkday.com>", "Regarding your application for Backend Developer",
     "Dear Ada,\nWe regret to inform you that you have not been selected for the position. We are not able to offer you the role, but we encourage you to apply for future openings."),
    ("rejected", "en", "Hooli <notifications@ashbyhq.com>", "Hooli application update",
     "Hi Ada, thank you for your patience. The Site Reliability Engineer role has been filled, so we won't be moving forward with your application."),
    ("rejected", "en", "Umbrella Corp <noreply@smartrecruiters.com>", "Your application status",
     "Dear Ada,\nThank you for your interest. After reviewing your application, we have decided to pursue other candidates for the Product Designer position."),
    ("rejected", "en", "Massive Dynamic <talent@massive.example>", "Following up",
     "Hi Ada,\nI wanted to let you know that you are no longer under consideration for the Research Engineer opening. Thank you for the conversations."),
    ("rejected", "de", "Personio Jobs <noreply@personio.de>", "Ihre Bewerbung als Data Analyst",
     "Hallo Ada,\n\nvielen Dank für Ihre Bewerbung und Ihr Interesse. Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.\n\nWir wünschen Ihnen alles Gute."),
    ("rejected", "de", "Stark Industries GmbH <jobs@teamtailor.com>", "Absage: Backend Engineer",
     "Hallo Ada,\ndanke für deine Zeit im Gespräch. Wir können deine Bewerbung leider nicht weiter berücksichtigen."),
    ("rejected", "de", "Oscorp AG <karriere@oscorp.example>", "Ihre Bewerbung",
     "Sehr geehrte Frau Lovelace,\ndie Position wurde bereits anderweitig besetzt. Wir bedanken uns für Ihr Interesse."),
    ("rejected", "fr", "Wayne Entreprises <recrutement@wayne.example>", "Suite à votre candidature",
     "Bonjour Ada,\n\nNous vous remercions de l'intérêt porté à notre entreprise. Malheureusement, votre candidature n'a pas été retenue pour ce poste."),
    ("rejected", "fr", "Cyberdyne <noreply@jobs.cyberdyne.example>", "Votre candidature - Ingénieure DevOps",
     "Madame,\nAprès étude de votre profil, nous avons le regret de ne pas pouvoir donner suite à votre candidature. Nous ne pouvons pas donner suite pour le moment."),
    ("rejected", "es", "Tyrell <empleo@tyrell.example>", "Sobre tu candidatura",
     "Hola Ada,\n\nLamentablemente, hemos decidido continuar con otros candidatos para este proceso. Te agradecemos tu interés."),
    ("rejected", "es", "Soylent <no-reply@icims.com>", "Actualización de su candidatura",
     "Estimada Ada:\nLe informamos que no ha sido seleccionada para el puesto de Analista. Gracias por su tiempo."),
    # --- interview ---
    ("interview", "en", "Jane Smith <jane@acme.example>", "Interview invitation - Data Engineer at Acme",
     "Hi Ada,\n\nThanks for applying! We would like to invite you to an interview with our data team. Could you book a time that works for you here: https://calendly.com/acme/interview\n\nBest,\nJane"),
    ("interview", "en", "Globex <no-reply@hire.lever.co>", "Next steps with Globex",
     "Hi Ada, great news: the hiring team would like to schedule a call to learn more about you. Please pick a slot for a 30 minute phone screen."),
    ("interview", "en", "Hooli <notifications@ashbyhq.com>", "Your interview with Hooli is confirmed",
     "Hi Ada, your interview with Hooli is scheduled for Tuesday, 8 December 2026 at 10:00 CET on Google Meet."),
    ("interview", "en", "Tom Recruiter <tom@initech.example>", "Re: Backend Developer",
     "Hi Ada,\nThanks for your time last week. We'd like to invite you to the next round: a system design interview with two engineers. When are you free?"),
    ("interview", "de", "Stark Industries GmbH <jobs@teamtailor.com>", "Einladung zum Gespräch",
     "Hallo Ada,\nwir freuen uns, dich zu einem Kennenlerngespräch einzuladen. Bitte wähle einen Termin über den folgenden Link."),
    ("interview", "de", "Oscorp AG <karriere@oscorp.example>", "Einladung zum Vorstellungsgespräch",
     "Sehr geehrte Frau Lovelace,\nwir laden Sie herzlich zu einem Vorstellungsgespräch am 10.12.2026 um 14 Uhr ein."),
    ("interview", "fr", "Wayne Entreprises <recrutement@wayne.example>", "Proposition d'entretien",
     "Bonjour Ada,\nVotre profil a retenu notre attention et nous souhaiterions vous rencontrer lors d'un entretien la semaine prochaine."),
    ("interview", "es", "Tyrell <empleo@tyrell.example>", "Entrevista - Ingeniera de Datos",
     "Hola Ada,\nNos gustaría agendar una llamada contigo para una primera entrevista. ¿Qué disponibilidad tienes?"),
    ("interview", "en", "Massive Dynamic <talent@massive.example>", "Scheduling your onsite",
     "Hi Ada,\nCongratulations on moving forward! We'd like to set up a time for your final interview with the team."),
    ("interview", "en", "Vandelay Industries <careers@vandelay.example>", "Phone screen for Import/Export Analyst",
     "Hello Ada,\nWe'd like to schedule a phone screen with our hiring manager. Reply with three times that suit you."),
    # --- assessment ---
    ("assessment", "en", "Acme Recruiting <no-reply@us.greenhouse-mail.io>", "Acme - coding challenge",
     "Hi Ada,\n\nAs a next step in your application for Data Engineer, please complete the coding challenge on HackerRank within 5 days. The assessment link is below."),
    ("assessment", "en", "Globex <no-reply@hire.lever.co>", "Take-home assignment",
     "Hi Ada, thanks for chatting with us. The next step is a short take-home assignment; you'll have a week, and we'll review it together in your next interview."),
    ("assessment", "en", "Hooli <notifications@ashbyhq.com>", "Complete your online assessment",
     "Hi Ada, please complete the online assessment from CodeSignal. It takes about 70 minutes."),
    ("assessment", "en", "Umbrella Corp <noreply@smartrecruiters.com>", "Case study for Product Designer",
     "Dear Ada,\nWe would like you to prepare a case study presentation for the panel. Details attached."),
    ("assessment", "de", "Stark Industries GmbH <jobs@teamtailor.com>", "Deine Testaufgabe",
     "Hallo Ada,\nals nächsten Schritt schicken wir dir eine kleine Programmieraufgabe. Du hast eine Woche Zeit."),
    ("assessment", "fr", "Cyberdyne <noreply@jobs.cyberdyne.example>", "Test technique",
     "Madame,\nPour la suite du processus, merci de réaliser le test technique en ligne avant vendredi."),
    ("assessment", "es", "Tyrell <empleo@tyrell.example>", "Prueba técnica",
     "Hola Ada,\nEl siguiente paso es una prueba técnica en Codility. Tienes 3 días para completarla."),
    ("assessment", "en", "Massive Dynamic <talent@massive.example>", "Online assessment invitation",
     "Hi Ada,\nYou are invited to take our technical assessment via TestGorilla. Good luck!"),
    # --- offer ---
    ("offer", "en", "Jane Smith <jane@acme.example>", "Offer - Data Engineer at Acme",
     "Hi Ada,\n\nWe are delighted to offer you the position of Data Engineer at Acme! Your offer letter with the details is attached. Please let us know by Friday."),
    ("offer", "en", "Hooli <notifications@ashbyhq.com>", "Your offer from Hooli",
     "Hi Ada, congratulations! We're excited to extend you an offer for the Site Reliability Engineer role. Sign your offer in the portal."),
    ("offer", "en", "Tom Recruiter <tom@initech.example>", "Offer of employment",
     "Dear Ada,\nI'm pleased to offer you the role of Backend Developer, starting 1 February 2027, at an annual salary of 72,000 EUR."),
    ("offer", "de", "Oscorp AG <karriere@oscorp.example>", "Ihr Vertragsangebot",
     "Sehr geehrte Frau Lovelace,\nwir freuen uns, Ihnen die Stelle anbieten zu können. Anbei finden Sie unser Vertragsangebot."),
    ("offer", "fr", "Wayne Entreprises <recrutement@wayne.example>", "Promesse d'embauche",
     "Bonjour Ada,\nNous avons le plaisir de vous proposer le poste de Développeuse Backend. Vous trouverez ci-joint la promesse d'embauche."),
    ("offer", "es", "Tyrell <empleo@tyrell.example>", "Carta de oferta",
     "Hola Ada,\n¡Enhorabuena! Nos complace ofrecerte el puesto de Ingeniera de Datos. Adjuntamos la carta de oferta."),
    # --- other: look-alikes from the same senders, alerts, pitches ---
    ("other", "en", "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>", "12 new jobs for Data Engineer",
     "Ada, here are new jobs matching Data Engineer in Berlin. Job alert settings. Unsubscribe."),
    ("other", "en", "Greenhouse <news@greenhouse.io>", "The Greenhouse newsletter: hiring trends",
     "Welcome to our newsletter. This month: how structured interviews reduce bias. Read more on our blog."),
    ("other", "en", "Lever <events@lever.co>", "Join our webinar on candidate experience",
     "Hi there, join us Thursday for a webinar on candidate experience and interview design. Register now."),
    ("other", "en", "Sam Headhunter <sam@talentfinders.example>", "Exciting opportunity",
     "Hi Ada, I came across your profile and have an opportunity that might interest you: a fast-growing startup. Would you be open to a quick chat?"),
    ("other", "en", "Indeed <alert@indeed.com>", "Jobs you may be interested in",
     "Recommended jobs based on your search: Backend Developer, Platform Engineer, SRE. View all jobs."),
    ("other", "en", "Acme <hello@acme.example>", "Acme product update",
     "Meet the new Acme dashboard: faster reports, dark mode and more. Thanks for being a customer."),
    ("other", "de", "StepStone <jobagent@stepstone.de>", "Neue Jobs für Sie",
     "Hallo Ada, hier sind neue Jobs für Sie: Data Engineer (m/w/d) in Berlin. Jobempfehlungen abbestellen."),
    ("other", "de", "XING <noreply@xing.com>", "Ada, Ihr Profil wurde 5-mal besucht",
     "Diese Woche haben Recruiter Ihr Profil besucht. Jetzt Profil vervollständigen."),
    ("other", "fr", "Welcome to the Jungle <alertes@welcometothejungle.com>", "Des offres qui pourraient vous intéresser",
     "Bonjour Ada, voici des offres qui pourraient vous intéresser cette semaine."),
    ("other", "es", "InfoJobs <alertas@infojobs.net>", "Ofertas que te pueden interesar",
     "Hola Ada, tenemos nuevas ofertas que te pueden interesar según tu búsqueda."),
    ("other", "en", "Ashby <team@ashbyhq.com>", "Ashby is hiring",
     "We're growing! Check out open roles on our careers page and refer a friend."),
    ("other", "en", "Calendar <calendar@example.com>", "Reminder: dentist appointment",
     "This is a reminder of your appointment on Monday at 9:00."),
]


def eml(sender: str, subject: str, body: str, n: int) -> str:
    headers = [
        f"From: {sender}",
        "To: Ada Lovelace <ada@example.com>",
        f"Subject: {subject}",
        f"Date: Tue, {1 + n % 28:02d} Dec 2026 10:{n % 60:02d}:00 +0100",
        f"Message-ID: <eval-{n}@jobhound.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    return "\r\n".join(headers) + "\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n"


if OUT.exists():
    shutil.rmtree(OUT)
OUT.mkdir(parents=True)
counts = {}
for n, (status, lang, sender, subject, body) in enumerate(MESSAGES, start=1):
    counts[status] = counts.get(status, 0) + 1
    (OUT / f"{status}-{counts[status]:02d}-{lang}.eml").write_bytes(eml(sender, subject, body, n).encode("utf-8"))
print(f"{len(MESSAGES)} messages -> {OUT}: {counts}")
